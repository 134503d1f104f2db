// /reset-password/:token — following a staff password-reset link (A1). The page says for which address,
// asks the new password (components/password-reset/NewPasswordForm), then the server sets it, signs out every
// session of the staff member and signs this one in: the admin app opens. A used, expired or unknown link
// shows the server's message and a way to ask for a new link. With two-step verification on, the sign-in
// page opens instead, saying the password was changed.
import { Stack, Title } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { notifySuccess } from '../components/notify';
import { PageLoader } from '../components/PageLoader';
import { AskNewLinkAnchor, NewPasswordForm } from '../components/password-reset/NewPasswordForm';
import { useLoader } from '../components/useLoader';
import { usePageTitle } from '../components/usePageTitle';
import { StaffAuthLayout } from './StaffAuthLayout';

const NEW_LINK_PATH = '/forgot-password';

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const loader = useLoader(
    () => unwrap(api.GET('/api/v1/auth/password-resets/{token}', { params: { path: { token } } })),
    [token],
  );
  usePageTitle(t('auth.reset.title'));

  // With two-step verification on, the link does not sign in by itself: the sign-in page asks for the code.
  const isSignedIn = useRef(true);
  const setPassword = async (password: string) => {
    const answer = await unwrap(
      api.POST('/api/v1/auth/password-resets/{token}', { params: { path: { token } }, body: { password } }),
    );
    isSignedIn.current = answer.signedIn;
  };
  const onDone = () => {
    if (!isSignedIn.current) {
      navigate('/login', { replace: true, state: { passwordReset: true } });
      return;
    }
    notifySuccess(t('auth.reset.done'));
    navigate('/admin', { replace: true });
  };

  return (
    <StaffAuthLayout>
      <Stack>
        <Title order={1} size="h2">
          {t('auth.reset.title')}
        </Title>
        {loader.isLoading && <PageLoader />}
        <ErrorAlert error={loader.error} />
        {loader.error && <AskNewLinkAnchor to={NEW_LINK_PATH}>{t('auth.reset.askNewLink')}</AskNewLinkAnchor>}
        {loader.data && (
          <NewPasswordForm
            email={loader.data.email}
            texts={{
              formLabel: t('auth.reset.title'),
              intro: t('auth.reset.intro', { email: loader.data.email }),
              passwordLabel: t('auth.reset.newPassword'),
              hint: (min) => t('auth.reset.hint', { min }),
              tooShort: (min) => t('auth.reset.tooShort', { min }),
              submit: t('auth.reset.submit'),
              askNewLink: t('auth.reset.askNewLink'),
            }}
            newLinkPath={NEW_LINK_PATH}
            setPassword={setPassword}
            onDone={onDone}
            size="sm"
            passwordInputProps={{ name: 'password' }}
          />
        )}
      </Stack>
    </StaffAuthLayout>
  );
}
