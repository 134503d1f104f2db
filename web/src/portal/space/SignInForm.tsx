// Sign in to the user space (P4): POST /portal/sign-in, then GET /portal/session. Used by /portal and, inline,
// by the booking form so a person with an account books as themselves without losing their held slot.
// An account whose email is not confirmed yet (P4) is offered to send the link again; a forgotten password
// leads to /portal/forgot-password with the email typed so far and the organisation the visitor came from.
import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/PasswordField';
import { useApiAction } from '../../components/useApiAction';
import { ResendVerification } from '../account/ResendVerification';
import { type PortalSession, signInToPortal } from '../portalClient';

type Props = {
  onSignedIn: (session: PortalSession) => void;
  submitLabel?: string;
  /** In the booking form: the forgotten-password page opens in a new tab, so the held slot is not left. */
  forgotInNewTab?: boolean;
};

export function SignInForm({ onSignedIn, submitLabel, forgotInNewTab }: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { run, isPending, error, fieldError } = useApiAction();
  // The organisation of the page the form is on: /p/:slug/… (booking) or /portal?org=slug.
  const { slug } = useParams();
  const [search] = useSearchParams();
  const organisationSlug = slug ?? search.get('org');
  const forgotPath = organisationSlug
    ? `/portal/forgot-password?org=${encodeURIComponent(organisationSlug)}`
    : '/portal/forgot-password';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let session: PortalSession | undefined;
    const isDone = await run(async () => {
      session = await signInToPortal(email, password);
    });
    if (isDone && session) onSignedIn(session);
  };

  const emailLabel = t('portal.space.email');
  const passwordLabel = t('portal.space.password');
  return (
    <form onSubmit={submit} noValidate aria-label={t('portal.space.signInForm')}>
      <Stack gap="sm">
        <ErrorAlert error={error} />
        {error?.code === 'email_not_verified' && <ResendVerification email={email} />}
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
        <Anchor
          component={Link}
          to={forgotPath}
          state={{ email: email.trim() }}
          {...(forgotInNewTab ? { target: '_blank', rel: 'noopener' } : {})}
          size="sm"
          style={{ alignSelf: 'flex-start' }}
        >
          {t(forgotInNewTab ? 'portal.account.forgotLinkNewTab' : 'portal.account.forgotLink')}
        </Anchor>
        <Button type="submit" fullWidth loading={isPending}>
          {submitLabel ?? t('portal.space.signIn')}
        </Button>
      </Stack>
    </form>
  );
}
