// Every page names itself in the browser tab (WCAG 2.4.2), in the current language.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export function usePageTitle(page: string | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = page ? t('common.pageTitle', { page }) : t('common.appName');
  }, [page, t]);
}
