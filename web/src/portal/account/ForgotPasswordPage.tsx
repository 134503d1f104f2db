// /portal/forgot-password — "Forgot your password?" (P4): the account's email, then "check your inbox". The
// server answers the same whether or not the address has an account, so the message says "if". The sign-in
// form links here with the email already typed; `?org=slug` leads back to that organisation's sign-in.
import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiAction } from '../../components/useApiAction';
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
  const location = useLocation();
  const typed = (location.state as { email?: unknown } | null)?.email;
  const [email, setEmail] = useState(typeof typed === 'string' ? typed : '');
  const [localError, setLocalError] = useState<string>();
  const [sentTo, setSentTo] = useState<string>();
  const { run, isPending, error, fieldError } = useApiAction();
  const sent = useRef<HTMLDivElement>(null);
  const backTo = signInPath(search.get('org'));
  usePageTitle(t('portal.account.forgotTitle'));
  useEffect(() => {
    if (sentTo) sent.current?.focus();
  }, [sentTo]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    setLocalError(address ? undefined : t('portal.booking.required'));
    if (!address) return;
    const isDone = await run(() =>
      unwrap(portalApi.POST('/api/v1/public/password-resets', { body: { email: address } })),
    );
    if (isDone) setSentTo(address);
  };

  const emailLabel = t('portal.space.email');
  return (
    <PortalLayout>
      <Stack gap="lg" maw={480}>
        <Title order={1}>{t('portal.account.forgotTitle')}</Title>
        {sentTo ? (
          <Alert
            ref={sent}
            tabIndex={-1}
            color="teal"
            variant="light"
            icon={<IconMailCheck aria-hidden="true" />}
            title={t('portal.account.sentTitle')}
            // Mantine's teal title lacks contrast on the light teal background (WCAG 1.4.3).
            styles={{ title: { color: 'var(--mantine-color-dark-9)' } }}
          >
            <Text c="dark.9">{t('portal.account.forgotSentText', { email: sentTo })}</Text>
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate aria-label={t('portal.account.forgotTitle')}>
            <Stack gap="md">
              <Text>{t('portal.account.forgotIntro')}</Text>
              <ErrorAlert error={error} />
              <TextInput
                label={emailLabel}
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={localError ?? fieldError('email', emailLabel)}
              />
              <Button type="submit" size="md" fullWidth loading={isPending}>
                {t('portal.account.forgotSubmit')}
              </Button>
            </Stack>
          </form>
        )}
        <Anchor component={Link} to={backTo} size="sm" style={{ alignSelf: 'flex-start' }}>
          {t('portal.account.backToSignIn')}
        </Anchor>
      </Stack>
    </PortalLayout>
  );
}
