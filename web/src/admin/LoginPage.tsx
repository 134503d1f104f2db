// A1: staff sign-in (POST /auth/sign-in). The server's message (in the chosen language) is shown on failure;
// "Forgot your password?" leads to /forgot-password. When the member turned on two-step verification the
// server asks for a code once the password is right: the code field appears (the email and password stay).
import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { PasswordField } from '../components/PasswordField';
import { useApiAction } from '../components/useApiAction';
import { usePageTitle } from '../components/usePageTitle';
import { StaffAuthLayout } from './StaffAuthLayout';

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [isCodeAsked, setCodeAsked] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  const { run, isPending, error, fieldError } = useApiAction();
  usePageTitle(t('auth.signIn.title'));

  const state = location.state as { sessionExpired?: boolean; passwordReset?: boolean } | null;
  const isSessionExpired = state?.sessionExpired === true;
  const isPasswordReset = state?.passwordReset === true;
  const isSecondFactorError =
    error?.code === 'second_factor_required' || error?.code === 'invalid_second_factor';
  useEffect(() => {
    if (isSecondFactorError) setCodeAsked(true);
  }, [isSecondFactorError]);
  useEffect(() => {
    if (isCodeAsked) codeInput.current?.focus();
  }, [isCodeAsked]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { email, password, ...(isCodeAsked && code.trim() ? { code: code.trim() } : {}) };
    const signedIn = await run(() => unwrap(api.POST('/api/v1/auth/sign-in', { body })));
    if (signedIn) navigate('/admin', { replace: true });
  };

  const emailLabel = t('auth.signIn.email');
  const passwordLabel = t('auth.signIn.password');
  return (
    <StaffAuthLayout>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('auth.signIn.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('auth.signIn.intro')}
          </Text>
          {isSessionExpired && !error && (
            <Alert color="blue" role="status">
              {t('auth.sessionExpired')}
            </Alert>
          )}
          {isPasswordReset && !error && (
            <Alert color="green" role="status">
              {t('auth.reset.doneSignIn')}
            </Alert>
          )}
          {/* Being asked for the code is the next step, not a failure. */}
          {error?.code === 'second_factor_required' ? (
            <Alert color="blue" role="status">
              {error.message}
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}
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
          <PasswordField
            label={passwordLabel}
            name="password"
            autoComplete="current-password"
            required
            withAsterisk={false}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldError('password', passwordLabel)}
          />
          {isCodeAsked && (
            <TextInput
              ref={codeInput}
              label={t('auth.signIn.code')}
              description={t('auth.signIn.codeHint')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              withAsterisk={false}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={error?.code === 'invalid_second_factor' ? t('auth.signIn.codeRefused') : undefined}
            />
          )}
          <Button type="submit" fullWidth loading={isPending}>
            {t('auth.signIn.submit')}
          </Button>
          {/* The email typed so far goes along, so it need not be typed again. */}
          <Anchor
            component={Link}
            to="/forgot-password"
            state={{ email: email.trim() }}
            size="sm"
            style={{ alignSelf: 'center' }}
          >
            {t('auth.forgot.link')}
          </Anchor>
        </Stack>
      </form>
    </StaffAuthLayout>
  );
}
