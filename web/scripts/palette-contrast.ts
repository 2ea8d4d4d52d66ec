// Prints the contrast of every colour's text and fill tones as a Markdown table, for docs/ui.md:
//   npx tsx web/scripts/palette-contrast.ts
// The tones are the ones the theme derives (components/contrast.ts), measured with the WCAG 2.x
// formula, next to what Mantine's defaults measured before.
import { DEFAULT_THEME } from '@mantine/core';
import { accessibleTones, contrast } from '../src/components/contrast';
import { theme } from '../src/components/theme';

const colors = { ...DEFAULT_THEME.colors, ...theme.colors } as Record<string, readonly string[]>;
const primaryShade = typeof theme.primaryShade === 'object' ? theme.primaryShade.light : 7;
const ratio = (a: string, b: string) => `${contrast(a, b).toFixed(2)}:1`;

console.log('| Colour | Light badge: text on tint (shade 1 / hover shade 2) | Mantine default | Filled: white on | Mantine default |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, shades] of Object.entries(colors)) {
  const tones = accessibleTones(shades, primaryShade!);
  const light = `\`${tones.ink}\` on \`${shades[1]}\`: ${ratio(tones.ink, shades[1]!)} / ${ratio(tones.ink, shades[2]!)}`;
  const lightBefore = `\`${shades[9]}\`: ${ratio(shades[9]!, shades[1]!)}`;
  const filled = `\`${tones.fill}\`: ${ratio('#ffffff', tones.fill)}`;
  const filledBefore = `\`${shades[primaryShade!]}\`: ${ratio('#ffffff', shades[primaryShade!]!)}`;
  console.log(`| ${name} | ${light} | ${lightBefore} | ${filled} | ${filledBefore} |`);
}
