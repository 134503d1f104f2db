// /portal/forgot-password — "Forgot your password?" (P4): the account's email, then "check your inbox"
// (components/password-reset/RequestLinkForm). The sign-in form links here with the email already typed;
// `?org=slug` leads back to that organisation's sign-in.
import { Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { unwrap } from '../../api/client';
import { RequestLinkForm } from '../../components/password-reset/RequestLinkForm';
import { usePageTitle } from '../../components/usePageTitle';
import { PortalLayout } from '../PortalLayout';
import { portalApi } from '../portalClient';

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Where "back to sign-in" goes: the user space, with the organisation the visitor came from. */
function signInPath(slug: string | null | undefined): string {
  return slug && SLUG.test(slug) ? `/portal?org=${slug}` : '/portal';
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const backTo = signInPath(search.get('org'));
  usePageTitle(t('portal.account.forgotTitle'));
  return (
    <PortalLayout>
      <Stack gap="lg" maw={480}>
        <Title order={1}>{t('portal.account.forgotTitle')}</Title>
        <RequestLinkForm
          texts={{
            formLabel: t('portal.account.forgotTitle'),
            intro: t('portal.account.forgotIntro'),
            emailLabel: t('portal.space.email'),
            submit: t('portal.account.forgotSubmit'),
            sentTitle: t('portal.account.sentTitle'),
            sentText: (email) => t('portal.account.forgotSentText', { email }),
            required: t('portal.booking.required'),
          }}
          requestLink={(email) =>
            unwrap(portalApi.POST('/api/v1/public/password-resets', { body: { email } }))
          }
          size="md"
          emailInputProps={{ autoComplete: 'email' }}
        />
        <Anchor component={Link} to={backTo} size="sm" style={{ alignSelf: 'flex-start' }}>
          {t('portal.account.backToSignIn')}
        </Anchor>
      </Stack>
    </PortalLayout>
  );
}
