// The portal's HTTP client: the same typed openapi-fetch client as the admin's, but it echoes the *portal*
// session's CSRF token (GET /portal/session) on changes, never the staff one, and has no staff sign-out hook.
// Public routes (organisation, slots, holds, bookings, invitations) go through it too.
import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, asApiError, type paths, type ResponseBody, unwrap } from '../api/client';
import i18n from '../i18n';

export type PortalSession = ResponseBody<'/api/v1/portal/session', 'get'>;
export type PortalProfile = PortalSession['profile'];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Kept in memory only: it comes from GET /portal/session and dies with the tab.
let portalCsrfToken: string | undefined;

const portalMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', i18n.language);
    if (portalCsrfToken && !SAFE_METHODS.has(request.method))
      request.headers.set('x-csrf-token', portalCsrfToken);
    return request;
  },
};

export const portalApi = createClient<paths>({
  baseUrl: window.location.origin,
  credentials: 'same-origin',
});
portalApi.use(portalMiddleware);

/** The signed-in portal user, or null when nobody is signed in (401). Remembers the CSRF token. */
export async function loadPortalSession(): Promise<PortalSession | null> {
  try {
    const session = await unwrap(portalApi.GET('/api/v1/portal/session'));
    portalCsrfToken = session.csrfToken;
    return session;
  } catch (caught) {
    const error = asApiError(caught);
    if (error.status === 401) {
      portalCsrfToken = undefined;
      return null;
    }
    throw error;
  }
}

/** Signs in (POST /portal/sign-in) then loads the session; throws an ApiError when refused. */
export async function signInToPortal(email: string, password: string): Promise<PortalSession> {
  await unwrap(portalApi.POST('/api/v1/portal/sign-in', { body: { email: email.trim(), password } }));
  const session = await loadPortalSession();
  if (!session) throw new ApiError(401, 'unauthenticated', i18n.t('portal.space.signInFailed'));
  return session;
}

export async function signOutOfPortal(): Promise<void> {
  await unwrap(portalApi.POST('/api/v1/portal/sign-out'));
  portalCsrfToken = undefined;
}

/**
 * Releases a hold (S10). `keepalive` lets the request finish even when the page is being left, so going
 * back or closing the tab frees the time at once instead of when the hold expires.
 */
export function releaseHold(token: string): void {
  void fetch(`/api/v1/public/holds/${encodeURIComponent(token)}`, {
    method: 'DELETE',
    credentials: 'same-origin',
    keepalive: true,
  }).catch(() => {
    // The hold expires by itself; nothing to tell the person.
  });
}
