// /forgot-password — "Forgot your password?" for staff (A1): the email, then "check your inbox"
// (components/password-reset/RequestLinkForm). The sign-in page links here with the email already typed.
import { Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { RequestLinkForm } from '../components/password-reset/RequestLinkForm';
import { usePageTitle } from '../components/usePageTitle';
import { StaffAuthLayout } from './StaffAuthLayout';

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.forgot.title'));
  return (
    <StaffAuthLayout>
      <Stack>
        <Title order={1} size="h2">
          {t('auth.forgot.title')}
        </Title>
        <RequestLinkForm
          texts={{
            formLabel: t('auth.forgot.title'),
            intro: t('auth.forgot.intro'),
            emailLabel: t('auth.forgot.email'),
            submit: t('auth.forgot.submit'),
            sentTitle: t('auth.forgot.sentTitle'),
            sentText: (email) => t('auth.forgot.sentText', { email }),
          }}
          requestLink={(email) => unwrap(api.POST('/api/v1/auth/password-resets', { body: { email } }))}
          size="sm"
          emailInputProps={{ name: 'email', autoComplete: 'username', withAsterisk: false }}
        />
        <Anchor component={Link} to="/login" size="sm" style={{ alignSelf: 'flex-start' }}>
          {t('auth.forgot.backToSignIn')}
        </Anchor>
      </Stack>
    </StaffAuthLayout>
  );
}
