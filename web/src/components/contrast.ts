// WCAG 2.x contrast arithmetic for the palette. The theme derives its text and fill tones from
// these functions instead of from fixed shade numbers, so a colour added to the palette cannot
// bring back a badge or a button below AA (Mantine's own light-badge text, shade 9 on shade 1, is
// only 3.6–3.8:1 for green, orange, yellow and lime).

/** The contrast AA asks of text under 18.66 px bold / 24 px regular (WCAG 1.4.3). */
export const AA_TEXT = 4.5;

// Aimed a little above 4.5:1 so that a text tone stays compliant when it sits on a tone one step
// darker than the one it was chosen for (hover backgrounds), and rounding never tips it under.
const TARGET = 4.6;

function channels(hex: string): [number, number, number] {
  const value = hex.replace('#', '');
  const full = value.length === 3 ? value.replace(/./g, (c) => c + c) : value;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(rgb: [number, number, number]): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance of an sRGB colour (WCAG 2.x definition). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour scaled towards black: same hue and saturation (HSV), less light. */
export function shadeOf(hex: string, factor: number): string {
  return toHex(channels(hex).map((c) => c * factor) as [number, number, number]);
}

/** `hex` itself when it already has `ratio` against `against`, otherwise the first darker tone of its hue that has. */
export function darkenUntil(hex: string, against: string, ratio = TARGET): string {
  let tone = hex;
  for (let factor = 1; contrast(tone, against) < ratio && factor > 0.05; factor -= 0.02) tone = shadeOf(hex, factor);
  return tone;
}

/** The tones a colour needs for accessible text and fills (light colour scheme). */
export interface AccessibleTones {
  /** Text on the colour's light tints (shades 0–2) and on white: light badges, alerts, subtle buttons. */
  ink: string;
  /** A fill that carries white text, and text or outlines on white: filled buttons, badges, avatars, indicators. */
  fill: string;
  /** The fill under the pointer: a step darker. */
  fillHover: string;
}

/**
 * Derives the accessible tones of a ten-shade colour: the ink is shade 9 (Mantine's light text)
 * darkened until it reads at 4.5:1 on shade 2 (the light hover); the fill is the primary shade,
 * or the first darker shade, or shade 9 darkened, on which white reads at 4.5:1.
 */
export function accessibleTones(shades: readonly string[], primaryShade: number): AccessibleTones {
  const ink = darkenUntil(shades[9]!, shades[2]!);
  const fill = shades.slice(primaryShade).find((s) => contrast(s, '#ffffff') >= TARGET) ?? darkenUntil(shades[9]!, '#ffffff');
  return { ink, fill, fillHover: shadeOf(fill, 0.88) };
}
