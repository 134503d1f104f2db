// @vitest-environment node
// P5: the language shown first — the visitor's saved choice, then the browser's languages, then French.
import { describe, expect, it } from 'vitest';
import { pickLanguage } from './language';

describe('P5: language detection', () => {
  it('P5: a choice saved in this browser wins over the cookie and the browser languages', () => {
    expect(pickLanguage({ stored: 'en', cookie: 'fr', browser: ['fr-CA'] })).toEqual({
      language: 'en',
      chosen: true,
    });
  });

  it('P5: the lang cookie counts as a choice when nothing is stored', () => {
    expect(pickLanguage({ stored: null, cookie: 'en', browser: ['fr'] })).toEqual({
      language: 'en',
      chosen: true,
    });
  });

  it('P5: otherwise the first supported browser language is used, not as a choice', () => {
    expect(pickLanguage({ stored: 'de', cookie: undefined, browser: ['de-DE', 'en-CA', 'fr'] })).toEqual({
      language: 'en',
      chosen: false,
    });
  });

  it('P5: French when nothing matches', () => {
    expect(pickLanguage({ stored: null, cookie: undefined, browser: ['es-MX'] })).toEqual({
      language: 'fr',
      chosen: false,
    });
  });
});
