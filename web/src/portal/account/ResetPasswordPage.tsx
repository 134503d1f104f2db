// /portal/reset-password/:token — following a password-reset link (P4). The page says for which address,
// asks the new password once (with show/hide, like sign-up: components/password-reset/NewPasswordForm), then
// the server sets it, signs out every other session and signs this one in: the user space opens. A used,
// expired or unknown link shows the server's message and a way to ask for a new link.
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { AskNewLinkAnchor, NewPasswordForm } from '../../components/password-reset/NewPasswordForm';
import { useLoader } from '../../components/useLoader';
import { usePageTitle } from '../../components/usePageTitle';
import { PortalLayout } from '../PortalLayout';
import { portalApi } from '../portalClient';

const NEW_LINK_PATH = '/portal/forgot-password';

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const loader = useLoader(
    () => unwrap(portalApi.GET('/api/v1/public/password-resets/{token}', { params: { path: { token } } })),
    [token],
  );
  usePageTitle(t('portal.account.resetTitle'));

  const setPassword = (password: string) =>
    unwrap(
      portalApi.POST('/api/v1/public/password-resets/{token}', {
        params: { path: { token } },
        body: { password },
      }),
    );
  const onDone = () => {
    notifySuccess(t('portal.account.passwordChanged'));
    navigate('/portal');
  };

  return (
    <PortalLayout>
      <Stack gap="lg" maw={480}>
        <Title order={1}>{t('portal.account.resetTitle')}</Title>
        {loader.isLoading && <PageLoader />}
        <ErrorAlert error={loader.error} />
        {loader.error && (
          <AskNewLinkAnchor to={NEW_LINK_PATH}>{t('portal.account.askNewLink')}</AskNewLinkAnchor>
        )}
        {loader.data && (
          <NewPasswordForm
            email={loader.data.email}
            texts={{
              formLabel: t('portal.account.resetTitle'),
              intro: t('portal.account.resetIntro', { email: loader.data.email }),
              passwordLabel: t('portal.account.newPassword'),
              hint: (min) => t('portal.invitation.passwordHint', { min }),
              tooShort: (min) => t('portal.invitation.passwordTooShort', { min }),
              submit: t('portal.account.resetSubmit'),
              askNewLink: t('portal.account.askNewLink'),
            }}
            newLinkPath={NEW_LINK_PATH}
            setPassword={setPassword}
            onDone={onDone}
            size="md"
          />
        )}
      </Stack>
    </PortalLayout>
  );
}
