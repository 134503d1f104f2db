// Which language the interface speaks, and how a visitor's choice is remembered.
// Order: the choice saved in this browser (localStorage, then the `lang` cookie the server also reads),
// then the browser's languages, then French.
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'fr';
export const LANGUAGE_STORAGE_KEY = 'creneau.lang';
export const LANGUAGE_COOKIE = 'lang';
const COOKIE_MAX_AGE_SECONDS = 31_536_000;

export function isLanguage(value: unknown): value is Language {
  return value === 'fr' || value === 'en';
}

export type LanguageSources = {
  stored: string | null | undefined;
  cookie: string | null | undefined;
  browser: readonly string[];
};

/** Pure choice between the sources; `chosen` says whether the visitor picked it themselves. */
export function pickLanguage(sources: LanguageSources): { language: Language; chosen: boolean } {
  if (isLanguage(sources.stored)) return { language: sources.stored, chosen: true };
  if (isLanguage(sources.cookie)) return { language: sources.cookie, chosen: true };
  for (const tag of sources.browser) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return { language: primary, chosen: false };
  }
  return { language: DEFAULT_LANGUAGE, chosen: false };
}

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage can be disabled (private mode, strict settings): the cookie still works.
    return null;
  }
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function readSources(): LanguageSources {
  return {
    stored: readStorage(),
    cookie: readCookie(LANGUAGE_COOKIE),
    browser: navigator.languages?.length ? navigator.languages : [navigator.language],
  };
}

/** The language to start with in this browser. */
export function detectLanguage(): Language {
  return pickLanguage(readSources()).language;
}

/** The language the visitor chose explicitly, if any (an organisation's default must not override it). */
export function readChosenLanguage(): Language | undefined {
  const { language, chosen } = pickLanguage(readSources());
  return chosen ? language : undefined;
}

/** Remembers an explicit choice in this browser and tells the server (cookie) for its messages. */
export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // See readStorage.
  }
  writeLanguageCookie(language);
}

export function writeLanguageCookie(language: Language): void {
  // biome-ignore lint/suspicious/noDocumentCookie: a plain cookie the server reads for its error messages.
  document.cookie = `${LANGUAGE_COOKIE}=${language}; path=/; max-age=${COOKIE_MAX_AGE_SECONDS}; SameSite=Lax`;
}
