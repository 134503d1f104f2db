// U9: a tag's colour is chosen freely, so its badge text is black or white, whichever contrasts more with it
// (WCAG 1.4.3: one of the two always reaches 4.5:1).
const HEX = /^#([0-9a-f]{6})$/i;
export const DEFAULT_TAG_COLOR = '#495057';

function channel(value: number): number {
  const srgb = value / 255;
  return srgb <= 0.03928 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of "#rrggbb" (WCAG 2.1 definition). */
export function luminance(hex: string): number {
  const match = HEX.exec(hex);
  const value = Number.parseInt(match?.[1] ?? DEFAULT_TAG_COLOR.slice(1), 16);
  return (
    0.2126 * channel((value >> 16) & 255) +
    0.7152 * channel((value >> 8) & 255) +
    0.0722 * channel(value & 255)
  );
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The text colour for a badge filled with `background`. */
export function readableTextColor(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}
