// The public details of an organisation (GET /public/organisations/{slug}) for a portal page, and the
// organisation's default language when the visitor has not chosen one (P5).
import { useEffect } from 'react';
import type { ResponseBody } from '../api/client';
import { unwrap } from '../api/client';
import { useLoader } from '../components/useLoader';
import i18n from '../i18n';
import { readChosenLanguage } from '../i18n/language';
import { portalApi } from './portalClient';

export type PublicOrganisation = ResponseBody<'/api/v1/public/organisations/{slug}', 'get'>;

export function usePublicOrganisation(slug: string) {
  const loader = useLoader(
    () => unwrap(portalApi.GET('/api/v1/public/organisations/{slug}', { params: { path: { slug } } })),
    [slug],
  );
  const defaultLanguage = loader.data?.defaultLanguage;
  useEffect(() => {
    if (defaultLanguage && !readChosenLanguage()) void i18n.changeLanguage(defaultLanguage);
  }, [defaultLanguage]);
  // An unknown slug (404) and a malformed one (400) are the same thing to a visitor.
  const isNotFound = loader.error?.status === 404 || loader.error?.status === 400;
  return { ...loader, isNotFound };
}
