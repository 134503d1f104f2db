// @vitest-environment node
// The French and English catalogs must offer the same keys, each with a non-empty text and the same
// {{placeholders}}, so no screen shows a raw key or loses a value in one language.
import { describe, expect, it } from 'vitest';
import { en, fr } from './catalog';

type Catalog = { [key: string]: string | Catalog };

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === 'string') entries.set(prefix + key, value);
    else for (const [path, text] of flatten(value, `${prefix + key}.`)) entries.set(path, text);
  }
  return entries;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

const catalogs = { fr: flatten(fr), en: flatten(en) };

describe('P5: web catalogs', () => {
  it('P5: French and English have the same keys', () => {
    const frKeys = [...catalogs.fr.keys()].sort();
    const enKeys = [...catalogs.en.keys()].sort();
    expect(
      frKeys.filter((key) => !catalogs.en.has(key)),
      'keys missing in en.json',
    ).toEqual([]);
    expect(
      enKeys.filter((key) => !catalogs.fr.has(key)),
      'keys missing in fr.json',
    ).toEqual([]);
  });

  it('P5: no text is empty', () => {
    for (const [language, entries] of Object.entries(catalogs)) {
      const empty = [...entries].filter(([, text]) => text.trim() === '').map(([key]) => key);
      expect(empty, `empty texts in ${language}.json`).toEqual([]);
    }
  });

  it('P5: both languages use the same placeholders', () => {
    const mismatched = [...catalogs.fr]
      .filter(([key, text]) => placeholders(text).join() !== placeholders(catalogs.en.get(key) ?? '').join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});
