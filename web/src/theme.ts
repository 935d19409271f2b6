import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * System fonts only (no font download), with Thai, Burmese and Khmer faces named before the generic
 * fallback so each script finds a face made for it on Windows, macOS, Android and Linux alike.
 */
const FONTS = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Noto Sans"',
  '"Noto Sans Thai"',
  '"Leelawadee UI"',
  'Thonburi',
  'Tahoma',
  '"Noto Sans Myanmar"',
  '"Myanmar Text"',
  '"Noto Sans Khmer"',
  '"Khmer UI"',
  'sans-serif',
].join(', ');

/** Shade 8 of the primary colour, so white text on buttons and blue links both pass AA (≥ 4.5:1). */
export const theme = createTheme({
  fontFamily: FONTS,
  headings: { fontFamily: FONTS },
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 4 },
  defaultRadius: 'sm',
  // Thai vowels and tone marks sit above and below the line: give them room.
  lineHeights: { xs: '1.5', sm: '1.55', md: '1.6', lg: '1.6', xl: '1.6' },
});

/**
 * Mantine's "dimmed" grey and its error red (red.6, 3.5:1) are under AA on white for small text;
 * gray.7 and red.8 are well above it. Every error message and invalid field's text uses this red.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
});
