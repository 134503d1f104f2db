// @vitest-environment node
// U9: tag badges stay readable (WCAG 1.4.3) whatever colour the admin picks.
import { describe, expect, it } from 'vitest';
import { contrastRatio, readableTextColor } from './tagColors';

describe('U9: tag badge colours', () => {
  it('U9: dark colours get white text and light colours black text', () => {
    expect(readableTextColor('#495057')).toBe('#ffffff');
    expect(readableTextColor('#c92a2a')).toBe('#ffffff');
    expect(readableTextColor('#ffd43b')).toBe('#000000');
    expect(readableTextColor('#FFFFFF')).toBe('#000000');
  });

  it('U9: the chosen text always reaches 4.5:1 against the badge', () => {
    for (let red = 0; red < 256; red += 51)
      for (let green = 0; green < 256; green += 51)
        for (let blue = 0; blue < 256; blue += 51) {
          const hex = `#${[red, green, blue].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
          expect(contrastRatio(hex, readableTextColor(hex))).toBeGreaterThanOrEqual(4.5);
        }
  });
});
