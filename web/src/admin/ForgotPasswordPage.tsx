// /forgot-password — "Forgot your password?" for staff (A1): the email, then "check your inbox". The server
// answers the same whether or not the address belongs to a staff member, so the message says "if". The
// sign-in page links here with the email already typed.
import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, unwrap } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApiAction } from '../components/useApiAction';
import { usePageTitle } from '../components/usePageTitle';
import { StaffAuthLayout } from './StaffAuthLayout';

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const typed = (location.state as { email?: unknown } | null)?.email;
  const [email, setEmail] = useState(typeof typed === 'string' ? typed : '');
  const [sentTo, setSentTo] = useState<string>();
  const { run, isPending, error, fieldError } = useApiAction();
  const sent = useRef<HTMLDivElement>(null);
  usePageTitle(t('auth.forgot.title'));
  useEffect(() => {
    if (sentTo) sent.current?.focus();
  }, [sentTo]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    const isDone = await run(() =>
      unwrap(api.POST('/api/v1/auth/password-resets', { body: { email: address } })),
    );
    if (isDone) setSentTo(address);
  };

  const emailLabel = t('auth.forgot.email');
  return (
    <StaffAuthLayout>
      <Stack>
        <Title order={1} size="h2">
          {t('auth.forgot.title')}
        </Title>
        {sentTo ? (
          <Alert
            ref={sent}
            tabIndex={-1}
            color="teal"
            variant="light"
            icon={<IconMailCheck aria-hidden="true" />}
            title={t('auth.forgot.sentTitle')}
            // Mantine's teal title lacks contrast on the light teal background (WCAG 1.4.3).
            styles={{ title: { color: 'var(--mantine-color-dark-9)' } }}
          >
            <Text c="dark.9">{t('auth.forgot.sentText', { email: sentTo })}</Text>
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate aria-label={t('auth.forgot.title')}>
            <Stack>
              <Text size="sm">{t('auth.forgot.intro')}</Text>
              <ErrorAlert error={error} />
              <TextInput
                label={emailLabel}
                type="email"
                name="email"
                autoComplete="username"
                required
                withAsterisk={false}
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={fieldError('email', emailLabel)}
              />
              <Button type="submit" fullWidth loading={isPending}>
                {t('auth.forgot.submit')}
              </Button>
            </Stack>
          </form>
        )}
        <Anchor component={Link} to="/login" size="sm" style={{ alignSelf: 'flex-start' }}>
          {t('auth.forgot.backToSignIn')}
        </Anchor>
      </Stack>
    </StaffAuthLayout>
  );
}
