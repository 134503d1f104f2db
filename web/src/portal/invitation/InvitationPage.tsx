// /portal/invitation/:token — accept an invitation (U5): the link's preview (first name, organisation, whether
// an email is needed), then a password (and the email when the record has none) → the portal account tied
// to the existing record → a link to sign in. An expired, used or invalid link shows the server's message.
import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ResponseBody, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PasswordField } from '../../components/PasswordField';
import { useApiAction } from '../../components/useApiAction';
import { useLoader } from '../../components/useLoader';
import { usePageTitle } from '../../components/usePageTitle';
import i18n from '../../i18n';
import { readChosenLanguage } from '../../i18n/language';
import { PortalLayout } from '../PortalLayout';
import { portalApi } from '../portalClient';

type Preview = ResponseBody<'/api/v1/public/invitations/{token}', 'get'>;
const MIN_PASSWORD_LENGTH = 10;

export default function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const loader = useLoader(
    () => unwrap(portalApi.GET('/api/v1/public/invitations/{token}', { params: { path: { token } } })),
    [token],
  );
  usePageTitle(t('portal.invitation.title'));
  const language = loader.data?.language;
  // The record's language, unless the visitor chose one.
  useEffect(() => {
    if (language && !readChosenLanguage()) void i18n.changeLanguage(language);
  }, [language]);

  return (
    <PortalLayout>
      <Stack gap="lg" maw={480}>
        <Title order={1}>{t('portal.invitation.title')}</Title>
        {loader.isLoading && <PageLoader />}
        <ErrorAlert error={loader.error} />
        {loader.data && <AcceptForm token={token} preview={loader.data} />}
      </Stack>
    </PortalLayout>
  );
}

function AcceptForm({ token, preview }: { token: string; preview: Preview }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [email, setEmail] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const [isAccepted, setAccepted] = useState(false);
  const { run, isPending, error, fieldError } = useApiAction();
  const success = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (isAccepted) success.current?.focus();
  }, [isAccepted]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isShort = password.length < MIN_PASSWORD_LENGTH;
    setTooShort(isShort);
    if (isShort) return;
    const body = { password, ...(preview.needsEmail ? { email: email.trim() } : {}) };
    const isDone = await run(() =>
      unwrap(
        portalApi.POST('/api/v1/public/invitations/{token}/accept', { params: { path: { token } }, body }),
      ),
    );
    if (isDone) setAccepted(true);
  };

  if (isAccepted)
    return (
      <Alert
        ref={success}
        tabIndex={-1}
        role="status"
        color="teal"
        variant="light"
        icon={<IconCircleCheck aria-hidden="true" />}
        title={t('portal.invitation.doneTitle')}
      >
        <Stack gap="xs">
          <Text c="dark.9">
            {t('portal.invitation.doneText', { organisation: preview.organisationName })}
          </Text>
          <Anchor component={Link} to="/portal" fw={600}>
            {t('portal.invitation.signIn')}
          </Anchor>
        </Stack>
      </Alert>
    );

  const passwordLabel = t('portal.invitation.password');
  const emailLabel = t('portal.invitation.email');
  return (
    <form onSubmit={submit} noValidate aria-label={t('portal.invitation.form')}>
      <Stack gap="md">
        <Text>
          {t('portal.invitation.intro', { name: preview.firstName, organisation: preview.organisationName })}
        </Text>
        <ErrorAlert error={error} />
        {preview.needsEmail && (
          <TextInput
            label={emailLabel}
            description={t('portal.invitation.emailHint')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fieldError('email', emailLabel)}
          />
        )}
        <PasswordField
          label={passwordLabel}
          description={t('portal.invitation.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={
            tooShort
              ? t('portal.invitation.passwordTooShort', { min: MIN_PASSWORD_LENGTH })
              : fieldError('password', passwordLabel)
          }
        />
        <Button type="submit" size="md" fullWidth loading={isPending}>
          {t('portal.invitation.submit')}
        </Button>
      </Stack>
    </form>
  );
}
