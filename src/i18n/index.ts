// Server-side message catalogs (errors, emails, SMS) and the caller's language.
import type { Language } from '../db/schema.ts';
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

type Catalog = { [key: string]: string | Catalog };
const CATALOGS: Record<Language, Catalog> = { en, fr };

export function isLanguage(value: unknown): value is Language {
  return value === 'fr' || value === 'en';
}

function lookup(catalog: Catalog, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    if (!node || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Translates a dotted key, interpolating {{name}} placeholders; falls back to English, then to the key. */
export function translate(language: Language, key: string, values: Record<string, unknown> = {}): string {
  const template = lookup(CATALOGS[language], key) ?? lookup(CATALOGS.en, key) ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

export function hasKey(language: Language, key: string): boolean {
  return lookup(CATALOGS[language], key) !== undefined;
}

/**
 * The caller's language: explicit `lang` cookie (set by the fr/en switch) first, then Accept-Language,
 * then the fallback (the organisation's or staff member's default).
 */
export function pickLanguage(
  cookieLanguage: string | undefined,
  acceptLanguage: string | undefined,
  fallback: Language = 'fr',
): Language {
  if (isLanguage(cookieLanguage)) return cookieLanguage;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part) => {
        const [tag = '', ...params] = part.trim().split(';');
        const q = params.find((p) => p.trim().startsWith('q='));
        return { tag: tag.toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) : 1 };
      })
      .filter((entry) => isLanguage(entry.tag))
      .sort((a, b) => b.q - a.q);
    if (ranked[0]) return ranked[0].tag as Language;
  }
  return fallback;
}

export function catalogKeys(language: Language): string[] {
  const keys: string[] = [];
  const walk = (node: Catalog, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') keys.push(prefix + key);
      else walk(value, `${prefix + key}.`);
    }
  };
  walk(CATALOGS[language], '');
  return keys.sort();
}
