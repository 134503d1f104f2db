// P5: the server's French and English catalogs have the same keys; every error code has a message.
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors.ts';
import { catalogKeys, pickLanguage, translate } from './index.ts';

describe('server message catalogs', () => {
  it('P5: French and English catalogs have exactly the same keys', () => {
    expect(catalogKeys('fr')).toEqual(catalogKeys('en'));
  });

  it('P5: every error code has a message in both languages', () => {
    for (const code of Object.keys(ERROR_CODES)) {
      expect(catalogKeys('fr')).toContain(`errors.${code}`);
      expect(catalogKeys('en')).toContain(`errors.${code}`);
    }
  });

  it('interpolates values', () => {
    expect(translate('en', 'errors.rate_limited', { seconds: 30 })).toBe(
      'Too many attempts. Try again in 30 seconds.',
    );
  });

  it('picks the cookie, then Accept-Language by quality, then the fallback', () => {
    expect(pickLanguage('en', 'fr')).toBe('en');
    expect(pickLanguage(undefined, 'de-DE,en;q=0.5,fr;q=0.8')).toBe('fr');
    expect(pickLanguage(undefined, 'en-CA')).toBe('en');
    expect(pickLanguage(undefined, 'de')).toBe('fr');
    expect(pickLanguage('xx', undefined, 'en')).toBe('en');
  });
});
