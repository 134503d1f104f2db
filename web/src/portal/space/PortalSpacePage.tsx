// /portal — the user space (P4, seed 002): sign in, then my upcoming and past appointments (cancel up to the
// organisation's cut-off, otherwise how to reach it), notification preferences and language (U4), profile,
// sign out; signed out, a link to sign up with the organisation the visitor came from. Phone first; the same in French and English.
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { asApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useApiAction } from '../../components/useApiAction';
import { usePageTitle } from '../../components/usePageTitle';
import { PortalLayout } from '../PortalLayout';
import { loadPortalSession, type PortalSession, signOutOfPortal } from '../portalClient';
import { AppointmentsSection } from './AppointmentsSection';
import { PreferencesSection } from './PreferencesSection';
import { ProfileSection } from './ProfileSection';
import { SignInForm } from './SignInForm';

export default function PortalSpacePage() {
  const { t } = useTranslation();
  // undefined while loading; null when nobody is signed in.
  const [session, setSession] = useState<PortalSession | null>();
  const [loadError, setLoadError] = useState<ReturnType<typeof asApiError> | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const hasChanged = useRef(false);
  usePageTitle(t('portal.space.title'));

  useEffect(() => {
    loadPortalSession().then(setSession, (error: unknown) => {
      setLoadError(asApiError(error));
      setSession(null);
    });
  }, []);
  // Signing in or out replaces the form the focus was in: the focus goes to the page's heading.
  const isSignedIn = session === undefined ? undefined : session !== null;
  useEffect(() => {
    if (isSignedIn !== undefined && hasChanged.current) heading.current?.focus();
  }, [isSignedIn]);
  const change = (next: PortalSession | null) => {
    hasChanged.current = true;
    setSession(next);
  };

  return (
    <PortalLayout isUserSpace>
      <Stack gap="lg">
        <Title order={1} ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          {session ? t('portal.space.hello', { name: session.profile.firstName }) : t('portal.space.title')}
        </Title>
        <ErrorAlert error={loadError} />
        {session === undefined && <PageLoader />}
        {session === null && <SignedOut onSignedIn={change} />}
        {session && <SignedIn session={session} onSignedOut={() => change(null)} onChange={change} />}
      </Stack>
    </PortalLayout>
  );
}

function SignedOut({ onSignedIn }: { onSignedIn: (session: PortalSession) => void }) {
  const { t } = useTranslation();
  // Sign-up belongs to an organisation: the one whose pages led here (/portal?org=slug).
  const [search] = useSearchParams();
  const slug = search.get('org');
  const isSlug = slug !== null && /^[a-z0-9][a-z0-9-]{1,62}$/.test(slug);
  return (
    <Stack gap="md" maw={440}>
      <Text>{t('portal.space.signInIntro')}</Text>
      <SignInForm onSignedIn={onSignedIn} />
      {isSlug ? (
        <Text size="sm">
          {t('portal.account.noAccountYet')}{' '}
          <Anchor component={Link} to={`/p/${slug}/sign-up`} fw={600}>
            {t('portal.account.createAccount')}
          </Anchor>
        </Text>
      ) : (
        <Text size="sm">{t('portal.space.noAccount')}</Text>
      )}
    </Stack>
  );
}

type SignedInProps = {
  session: PortalSession;
  onSignedOut: () => void;
  onChange: (session: PortalSession) => void;
};

function SignedIn({ session, onSignedOut, onChange }: SignedInProps) {
  const { t } = useTranslation();
  const signOut = useApiAction();
  return (
    <Stack gap="xl">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text>{t('portal.space.signedInAs', { email: session.email })}</Text>
        <Button
          variant="default"
          leftSection={<IconLogout size={16} aria-hidden="true" />}
          loading={signOut.isPending}
          onClick={async () => {
            if (await signOut.run(signOutOfPortal)) onSignedOut();
          }}
        >
          {t('portal.space.signOut')}
        </Button>
      </Group>
      <ErrorAlert error={signOut.error} />
      <AppointmentsSection />
      <PreferencesSection
        profile={session.profile}
        onSaved={(profile) => onChange({ ...session, profile })}
      />
      <ProfileSection
        key={`${session.email} ${session.profile.pendingEmail ?? ''}`}
        session={session}
        onSaved={(profile) => onChange({ ...session, profile })}
      />
    </Stack>
  );
}
