// /reset-password/:token — following a staff password-reset link (A1). The page says for which address,
// asks the new password (the same rule as everywhere), then the server sets it, signs out every session of
// the staff member and signs this one in: the admin app opens. A used, expired or unknown link shows the
// server's message and a way to ask for a new link.
import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type ResponseBody, unwrap } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { notifySuccess } from '../components/notify';
import { PageLoader } from '../components/PageLoader';
import { PasswordField } from '../components/PasswordField';
import { useApiAction } from '../components/useApiAction';
import { useLoader } from '../components/useLoader';
import { usePageTitle } from '../components/usePageTitle';
import { StaffAuthLayout } from './StaffAuthLayout';

/** The server checks it again (auth/password.ts). */
const MIN_PASSWORD_LENGTH = 10;

type Preview = ResponseBody<'/api/v1/auth/password-resets/{token}', 'get'>;

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const loader = useLoader(
    () => unwrap(api.GET('/api/v1/auth/password-resets/{token}', { params: { path: { token } } })),
    [token],
  );
  usePageTitle(t('auth.reset.title'));
  return (
    <StaffAuthLayout>
      <Stack>
        <Title order={1} size="h2">
          {t('auth.reset.title')}
        </Title>
        {loader.isLoading && <PageLoader />}
        <ErrorAlert error={loader.error} />
        {loader.error && (
          <Anchor component={Link} to="/forgot-password" fw={600}>
            {t('auth.reset.askNewLink')}
          </Anchor>
        )}
        {loader.data && <ResetForm token={token} preview={loader.data} />}
      </Stack>
    </StaffAuthLayout>
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
    setLocalError(tooShort ? t('auth.reset.tooShort', { min: MIN_PASSWORD_LENGTH }) : undefined);
    if (tooShort) return;
    const isDone = await run(() =>
      unwrap(
        api.POST('/api/v1/auth/password-resets/{token}', {
          params: { path: { token } },
          body: { password },
        }),
      ),
    );
    if (!isDone) return;
    notifySuccess(t('auth.reset.done'));
    navigate('/admin', { replace: true });
  };

  const passwordLabel = t('auth.reset.newPassword');
  return (
    <form onSubmit={submit} noValidate aria-label={t('auth.reset.title')}>
      <Stack>
        <Text size="sm">{t('auth.reset.intro', { email: preview.email })}</Text>
        <ErrorAlert error={error} />
        {isLinkRefused && (
          <Anchor component={Link} to="/forgot-password" fw={600}>
            {t('auth.reset.askNewLink')}
          </Anchor>
        )}
        {/* For password managers: the account the new password belongs to. */}
        <input type="hidden" name="username" autoComplete="username" value={preview.email} />
        <PasswordField
          label={passwordLabel}
          description={t('auth.reset.hint', { min: MIN_PASSWORD_LENGTH })}
          name="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={localError ?? fieldError('password', passwordLabel)}
        />
        <Button type="submit" fullWidth loading={isPending}>
          {t('auth.reset.submit')}
        </Button>
      </Stack>
    </form>
  );
}
