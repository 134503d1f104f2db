// Français / English switch, shown on every page. The choice is remembered in this browser (localStorage and
// the `lang` cookie the server reads for its messages); signed-in staff also save it to their profile.
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { isLanguage, LANGUAGES, type Language, rememberLanguage } from '../i18n/language';

type Props = {
  /** Called after the visitor picked a language (e.g. to save it to the staff member's profile). */
  onChosen?: (language: Language) => void;
  fullWidth?: boolean;
};

export function LanguageSwitch({ onChosen, fullWidth }: Props) {
  const { t, i18n } = useTranslation();

  const choose = (value: string) => {
    if (!isLanguage(value) || value === currentLanguage()) return;
    rememberLanguage(value);
    void i18n.changeLanguage(value);
    onChosen?.(value);
  };

  return (
    <SegmentedControl
      aria-label={t('common.language.label')}
      size="xs"
      fullWidth={fullWidth}
      value={currentLanguage()}
      onChange={choose}
      data={LANGUAGES.map((language) => ({
        value: language,
        // Each name is written in its own language; `lang` lets screen readers pronounce it right.
        label: <span lang={language}>{t(`common.language.${language}`)}</span>,
      }))}
    />
  );
}
