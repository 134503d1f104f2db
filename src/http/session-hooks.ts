// Per-request session, language and CSRF handling.
// CSRF: state-changing requests of a signed-in session must echo the session's token in `x-csrf-token`
// (synchronizer token); every state-changing request with an Origin header must come from our own origin.
import type { FastifyInstance } from 'fastify';
import type { StaffActor } from '../auth/actor.ts';
import { loadSession, SESSION_COOKIE } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Language } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { isLanguage, pickLanguage } from '../i18n/index.ts';
import { loadPortalSession, PORTAL_COOKIE, type PortalUser } from '../portal/sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    portalUser?: PortalUser;
    portalCsrfToken?: string;
    portalTokenHash?: string;
    actor?: StaffActor;
    sessionTokenHash?: string;
    csrfToken?: string;
    language: Language;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installSessionHooks(app: FastifyInstance, db: Db, config: Config): void {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('portalUser', undefined);
  app.decorateRequest('portalCsrfToken', undefined);
  app.decorateRequest('portalTokenHash', undefined);
  app.decorateRequest('sessionTokenHash', undefined);
  app.decorateRequest('csrfToken', undefined);
  app.decorateRequest('language', 'fr');

  app.addHook('onRequest', async (request) => {
    const cookieLanguage = request.cookies.lang;
    request.language = pickLanguage(cookieLanguage, request.headers['accept-language']);
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await loadSession(db, token, config.sessionDays);
      if (session) {
        request.actor = session.actor;
        request.sessionTokenHash = session.tokenHash;
        request.csrfToken = session.csrfToken;
        if (!isLanguage(cookieLanguage) && !request.headers['accept-language']) {
          request.language = session.actor.language;
        }
      }
    }
    const portalToken = request.cookies[PORTAL_COOKIE];
    if (portalToken) {
      const portal = await loadPortalSession(db, portalToken);
      if (portal) {
        request.portalUser = portal.user;
        request.portalCsrfToken = portal.csrfToken;
        request.portalTokenHash = portal.tokenHash;
        if (!isLanguage(cookieLanguage) && !request.headers['accept-language'])
          request.language = portal.user.language;
      }
    }
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin && origin !== 'null') {
      const host = request.headers.host;
      let originHost: string | undefined;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = undefined;
      }
      if (originHost !== host) throw new AppError('csrf_failed');
    }
    // Public routes (sign-in, bookings) rely on the Origin check and SameSite cookies; routes acting with a
    // session's authority also need that session's token.
    const kind = request.routeOptions.config?.access?.kind;
    const expected =
      kind === 'portal'
        ? request.portalCsrfToken
        : kind && kind !== 'public' && request.actor
          ? request.csrfToken
          : undefined;
    if (expected !== undefined && request.headers['x-csrf-token'] !== expected)
      throw new AppError('csrf_failed');
  });
}
