// Mantine theme. Colours are chosen for WCAG 2.1 AA: the primary blue is shade 8 (5.0:1 with white text),
// dimmed text and error messages are darkened from Mantine's defaults (3.3:1 → 8.2:1 / 5.5:1), and the
// "light" variant backgrounds (active nav link, hovered) are lightened so blue-9 text keeps 4.9:1 or more.
import { type CSSVariablesResolver, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  focusRing: 'auto',
  defaultRadius: 'md',
  cursorType: 'pointer',
  respectReducedMotion: true,
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-blue-light': 'var(--mantine-color-blue-0)',
    '--mantine-color-blue-light-hover': 'var(--mantine-color-blue-1)',
  },
  dark: {},
});
