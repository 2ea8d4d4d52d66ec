import { createTheme, rem, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import { accessibleTones } from './contrast';

// "Tegal blue": a civic blue in the family of Indonesian government sites, tuned so that shade 7
// (buttons, links) has 6.3:1 contrast with white and shade 8 (headers) 8.1:1 — both pass WCAG AA.
const tegal: MantineColorsTuple = [
  '#eaf2fb', '#d3e3f6', '#a8c7ec', '#7aa9e0', '#4f8cd6',
  '#3179cf', '#1f6bc4', '#1a5fb4', '#134f97', '#0c3f7a',
];

// Accent gold, after the gold of Central Java's regional emblems. Shades 4–5 are decorative only:
// too light for text on white (2.2:1) but they read well on the navy executive header (7:1). As a
// fill under white text (language switch, avatar on the navy header) gold is shade 8 (5.9:1),
// chosen by `accessibleTones` below.
const gold: MantineColorsTuple = [
  '#fdf6e3', '#f9eac2', '#f3d68a', '#edc253', '#e7b232',
  '#e0a526', '#c88f17', '#a8740f', '#875c0a', '#684605',
];

/** The family the whole interface uses; Plus Jakarta Sans is self-hosted (no third-party request). */
export const FONT_FAMILY = '"Plus Jakarta Sans Variable", system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

/** The platform's Mantine theme: colours, type scale, radii and component defaults. */
export const theme = createTheme({
  primaryColor: 'tegal',
  primaryShade: { light: 7, dark: 5 },
  colors: { tegal, gold },
  black: '#17212e',
  fontFamily: FONT_FAMILY,
  fontFamilyMonospace: '"DejaVu Sans Mono", ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  fontSizes: { xs: rem(12), sm: rem(14), md: rem(16), lg: rem(18), xl: rem(20) },
  lineHeights: { xs: '1.4', sm: '1.45', md: '1.55', lg: '1.55', xl: '1.6' },
  headings: {
    fontFamily: FONT_FAMILY,
    fontWeight: '700',
    sizes: {
      h1: { fontSize: rem(30), lineHeight: '1.2' },
      h2: { fontSize: rem(24), lineHeight: '1.25' },
      h3: { fontSize: rem(19), lineHeight: '1.3' },
      h4: { fontSize: rem(16), lineHeight: '1.4' },
    },
  },
  defaultRadius: 'md',
  radius: { xs: rem(4), sm: rem(6), md: rem(8), lg: rem(12), xl: rem(20) },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'lg', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'lg' } },
    Button: { defaultProps: { radius: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    Badge: { defaultProps: { radius: 'sm' } },
  },
});

/**
 * The variables Mantine's variants read, per colour, set to tones that pass AA: `light-color`
 * (light badges, alerts, subtle and transparent buttons, active navigation), `filled` (white text
 * on it: filled buttons, badges, avatars, segmented controls; also `c="<colour>"` text), and
 * `outline` (text and border on white). Mantine's own choice, shade 9 on shade 1 and white on
 * shade 7, is 2.1–4.1:1 for yellow, lime, green, orange, teal, cyan, red, blue and gold; this keeps
 * each hue and darkens it only as far as 4.5:1 needs (the ratios are listed in docs/ui.md).
 * A component that names a shade itself (`color="green.7"`, `c="orange.9"`) bypasses this, so the
 * design system names colours, not shades, wherever a colour carries text.
 */
function accessibleColorVariables(colors: Record<string, readonly string[]>, primaryShade: number): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(colors)) {
    if (shades.length < 10) continue;
    const tones = accessibleTones(shades, primaryShade);
    variables[`--mantine-color-${name}-light-color`] = tones.ink;
    variables[`--mantine-color-${name}-filled`] = tones.fill;
    variables[`--mantine-color-${name}-filled-hover`] = tones.fillHover;
    variables[`--mantine-color-${name}-outline`] = tones.fill;
  }
  return variables;
}

// Mantine's default "dimmed" grey is 3.3:1 on white; this one is 5.9:1, so secondary text passes AA.
/** CSS variables the theme cannot express directly. */
export const cssVariables: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    ...accessibleColorVariables(resolved.colors, typeof resolved.primaryShade === 'number' ? resolved.primaryShade : resolved.primaryShade.light),
    '--mantine-color-dimmed': '#5c6670',
    // Mantine's red.6 error text is 3.3:1 on white and red.8 only just 4.5:1; red.9 is 5.5:1, and
    // stays above 4.5:1 on the grey page background too.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Search boxes show their label as a placeholder: keep it readable (4.8:1, not Mantine's 2.1:1).
    '--mantine-color-placeholder': '#697380',
    '--app-page-bg': '#f4f6fa',
    '--app-navy': '#0b2545',
    '--app-border': '#dde3ea',
  },
  dark: {
    '--app-page-bg': '#1a1b1e',
    '--app-navy': '#0b2545',
    '--app-border': '#373a40',
  },
});
