// /portal/verify/:token — following a confirmation link (P4). The page says which address is confirmed and
// asks the account's password (the link proves the mailbox, the password the person), then signs in and
// opens the user space. A used, expired or unknown link shows the server's message.
import { Button, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
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

type Preview = ResponseBody<'/api/v1/public/email-verifications/{token}', 'get'>;

export default function VerifyEmailPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const loader = useLoader(
    () =>
      unwrap(portalApi.GET('/api/v1/public/email-verifications/{token}', { params: { path: { token } } })),
    [token],
  );
  usePageTitle(t('portal.account.verifyTitle'));
  return (
    <PortalLayout>
      <Stack gap="lg" maw={480}>
        <Title order={1}>{t('portal.account.verifyTitle')}</Title>
        {loader.isLoading && <PageLoader />}
        <ErrorAlert error={loader.error} />
        {loader.data && <VerifyForm token={token} preview={loader.data} />}
      </Stack>
    </PortalLayout>
  );
}

function VerifyForm({ token, preview }: { token: string; preview: Preview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const { run, isPending, error, fieldError } = useApiAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isDone = await run(() =>
      unwrap(
        portalApi.POST('/api/v1/public/email-verifications/{token}', {
          params: { path: { token } },
          body: { password },
        }),
      ),
    );
    if (!isDone) return;
    notifySuccess(t('portal.account.verified', { email: preview.email }));
    navigate('/portal');
  };

  const passwordLabel = t('portal.space.password');
  return (
    <form onSubmit={submit} noValidate aria-label={t('portal.account.verifyTitle')}>
      <Stack gap="md">
        <Text>
          {preview.purpose === 'sign_up'
            ? t('portal.account.verifyIntro', { email: preview.email })
            : t('portal.account.verifyChangeIntro', { email: preview.email })}
        </Text>
        <ErrorAlert error={error} />
        <PasswordField
          label={passwordLabel}
          description={t('portal.account.verifyPasswordHint')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldError('password', passwordLabel)}
        />
        <Button type="submit" size="md" fullWidth loading={isPending}>
          {t('portal.account.verifySubmit')}
        </Button>
      </Stack>
    </form>
  );
}
