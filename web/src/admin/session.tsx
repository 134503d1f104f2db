// The signed-in staff member for every admin page: the session (GET /auth/session), the organisation chosen
// in the picker (remembered in localStorage) and what the member may do there.
import { Button, Container, Stack } from '@mantine/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  type ApiError,
  api,
  asApiError,
  type Membership,
  onUnauthenticated,
  rememberCsrfToken,
  type Session,
  unwrap,
} from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { MAIN_CONTENT_ID } from '../components/SkipLink';

const ORGANISATION_STORAGE_KEY = 'creneau.orgId';

export type AdminSession = {
  session: Session;
  /** The organisation chosen in the picker; undefined only when the member belongs to none. */
  membership: Membership | undefined;
  selectOrganisation: (organisationId: string) => void;
  reloadSession: () => Promise<void>;
  /** Admin of at least one organisation of the account: may change the account's settings. */
  isAccountAdmin: boolean;
};

const AdminSessionContext = createContext<AdminSession | null>(null);

export function useAdminSession(): AdminSession {
  const value = useContext(AdminSessionContext);
  if (!value) throw new Error('useAdminSession must be used inside <AdminSessionProvider>');
  return value;
}

/** The chosen organisation, for pages that only render when there is one. */
export function useOrganisation(): Membership {
  const { membership } = useAdminSession();
  if (!membership) throw new Error('useOrganisation needs a selected organisation');
  return membership;
}

function readStoredOrganisationId(): string | null {
  try {
    return window.localStorage.getItem(ORGANISATION_STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeOrganisationId(organisationId: string): void {
  try {
    window.localStorage.setItem(ORGANISATION_STORAGE_KEY, organisationId);
  } catch {
    // Without storage the choice lasts for this tab only.
  }
}

export function AdminSessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [session, setSession] = useState<Session>();
  const [error, setError] = useState<ApiError | null>(null);
  const [organisationId, setOrganisationId] = useState(readStoredOrganisationId);

  /** Fetches the session again (after a change to what it describes); throws an ApiError on failure. */
  const reloadSession = useCallback(async () => {
    const loaded = await unwrap(api.GET('/api/v1/auth/session'));
    rememberCsrfToken(loaded.csrfToken);
    setSession(loaded);
  }, []);

  // First load: not signed in → /login; any other failure replaces the admin with a retry.
  const loadSession = useCallback(async () => {
    setError(null);
    try {
      await reloadSession();
    } catch (caught) {
      const failure = asApiError(caught);
      if (failure.status === 401) navigate('/login', { replace: true });
      else setError(failure);
    }
  }, [reloadSession, navigate]);

  useEffect(() => {
    void loadSession();
  }, [loadSession]);

  const isSignedIn = session !== undefined;
  useEffect(() => {
    if (!isSignedIn) return;
    return onUnauthenticated(() => {
      rememberCsrfToken(undefined);
      navigate('/login', { replace: true, state: { sessionExpired: true } });
    });
  }, [isSignedIn, navigate]);

  const selectOrganisation = useCallback((id: string) => {
    storeOrganisationId(id);
    setOrganisationId(id);
  }, []);

  const value = useMemo<AdminSession | undefined>(() => {
    if (!session) return undefined;
    const memberships = session.memberships;
    const membership = memberships.find((m) => m.organisationId === organisationId) ?? memberships[0];
    return {
      session,
      membership,
      selectOrganisation,
      reloadSession,
      isAccountAdmin: memberships.some((m) => m.role === 'admin'),
    };
  }, [session, organisationId, selectOrganisation, reloadSession]);

  if (error) {
    return (
      <Container component="main" id={MAIN_CONTENT_ID} size="sm" py="xl">
        <Stack>
          <ErrorAlert error={error} />
          <Button variant="light" onClick={() => void loadSession()} w="fit-content">
            {t('common.retry')}
          </Button>
        </Stack>
      </Container>
    );
  }
  if (!value) return <PageLoader />;
  return <AdminSessionContext.Provider value={value}>{children}</AdminSessionContext.Provider>;
}
