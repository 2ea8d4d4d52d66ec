import { createTheme, rem, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// "Tegal blue": a civic blue in the family of Indonesian government sites, tuned so that shade 7
// (buttons, links) has 6.3:1 contrast with white and shade 8 (headers) 8.1:1 — both pass WCAG AA.
const tegal: MantineColorsTuple = [
  '#eaf2fb', '#d3e3f6', '#a8c7ec', '#7aa9e0', '#4f8cd6',
  '#3179cf', '#1f6bc4', '#1a5fb4', '#134f97', '#0c3f7a',
];

// Accent gold, after the gold of Central Java's regional emblems. Decorative only: it is too light
// for text on white (2.2:1) but reads well on the navy executive header (7:1).
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

// Mantine's default "dimmed" grey is 3.3:1 on white; this one is 5.9:1, so secondary text passes AA.
/** CSS variables the theme cannot express directly. */
export const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c6670',
    // Mantine's red.6 error text is 3.6:1 on white; red.8 is 5.5:1.
    '--mantine-color-error': 'var(--mantine-color-red-8)',
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
