// /portal/reset-password/:token — following a password-reset link (P4). The page says for which address,
// asks the new password once (with show/hide, like sign-up), then the server sets it, signs out every other
// session and signs this one in: the user space opens. A used, expired or unknown link shows the server's
// message and a way to ask for a new link.
import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type ResponseBody, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { PasswordField } from '../../components/PasswordField';
import { useApiAction } from '../../components/useApiAction';
import { useLoader } from '../../components/useLoader';
import { usePageTitle } from '../../components/usePageTitle';
import { PortalLayout } from '../PortalLayout';
import { portalApi } from '../portalClient';
import { MIN_PASSWORD_LENGTH } from './password-rule';

type Preview = ResponseBody<'/api/v1/public/password-resets/{token}', 'get'>;

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const loader = useLoader(
    () => unwrap(portalApi.GET('/api/v1/public/password-resets/{token}', { params: { path: { token } } })),
    [token],
  );
  usePageTitle(t('portal.account.resetTitle'));
  return (
    <PortalLayout>
      <Stack gap="lg" maw={480}>
        <Title order={1}>{t('portal.account.resetTitle')}</Title>
        {loader.isLoading && <PageLoader />}
        <ErrorAlert error={loader.error} />
        {loader.error && (
          <Anchor component={Link} to="/portal/forgot-password" fw={600}>
            {t('portal.account.askNewLink')}
          </Anchor>
        )}
        {loader.data && <ResetForm token={token} preview={loader.data} />}
      </Stack>
    </PortalLayout>
  );
}

function ResetForm({ token, preview }: { token: string; preview: Preview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [localError, setLocalError] = useState<string>();
  const { run, isPending, error, fieldError } = useApiAction();
  // The link was spent or replaced while the page was open: offer a new one.
  const isLinkRefused = error?.code.startsWith('reset_link_') ?? false;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const tooShort = password.length < MIN_PASSWORD_LENGTH;
    setLocalError(
      tooShort ? t('portal.invitation.passwordTooShort', { min: MIN_PASSWORD_LENGTH }) : undefined,
    );
    if (tooShort) return;
    const isDone = await run(() =>
      unwrap(
        portalApi.POST('/api/v1/public/password-resets/{token}', {
          params: { path: { token } },
          body: { password },
        }),
      ),
    );
    if (!isDone) return;
    notifySuccess(t('portal.account.passwordChanged'));
    navigate('/portal');
  };

  const passwordLabel = t('portal.account.newPassword');
  return (
    <form onSubmit={submit} noValidate aria-label={t('portal.account.resetTitle')}>
      <Stack gap="md">
        <Text>{t('portal.account.resetIntro', { email: preview.email })}</Text>
        <ErrorAlert error={error} />
        {isLinkRefused && (
          <Anchor component={Link} to="/portal/forgot-password" fw={600}>
            {t('portal.account.askNewLink')}
          </Anchor>
        )}
        {/* For password managers: the account the new password belongs to. */}
        <input type="hidden" name="username" autoComplete="username" value={preview.email} />
        <PasswordField
          label={passwordLabel}
          description={t('portal.invitation.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={localError ?? fieldError('password', passwordLabel)}
        />
        <Button type="submit" size="md" fullWidth loading={isPending}>
          {t('portal.account.resetSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
