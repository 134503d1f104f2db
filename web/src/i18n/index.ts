// i18next set-up for the web app: both catalogs are bundled (they are small), keys are type-checked,
// and <html lang> follows the current language.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, fr } from './catalog';
import { DEFAULT_LANGUAGE, detectLanguage, isLanguage, LANGUAGES, type Language } from './language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}

export const resources = { fr: { translation: fr }, en: { translation: en } } as const;

void i18n.use(initReactI18next).init({
  resources,
  lng: detectLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

function syncDocumentLanguage(language: string) {
  document.documentElement.lang = language;
}
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

/** The language the interface currently shows. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

export default i18n;
