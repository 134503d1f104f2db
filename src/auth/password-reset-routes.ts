// A1 routes: "Forgot your password?" for staff — asking for a reset link (the same answer for any address),
// what a link is for, and following it with a new password (which signs in like sign-in does: the session
// cookie, then GET /auth/session for the CSRF token). The admin's "send a reset link" is a staff-management
// route (accounts/routes.ts).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../context.ts';
import { PUBLIC } from '../http/access.ts';
import { perAddressAndEmail } from '../http/rate-limit-keys.ts';
import { errorReplies } from '../http/schema-helpers.ts';
import { requestStaffPasswordReset } from './actions/request-password-reset.ts';
import { previewStaffPasswordReset, resetStaffPassword } from './actions/reset-password.ts';
import {
  AcceptedReply,
  EmailBody,
  LinkEmailReply,
  LinkTokenParams,
  PasswordBody,
  StaffResetReply,
} from './schemas.ts';
import { setSessionCookie } from './sessions.ts';

const errors = errorReplies(400, 403, 404, 410, 429);

export function registerStaffPasswordResetRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = services;
  const tags = ['auth'];

  app.post(
    '/auth/password-resets',
    {
      config: {
        access: PUBLIC,
        // Per address and email: the database adds its own cap per staff member.
        rateLimit: { max: 3, timeWindow: '15 minutes', keyGenerator: perAddressAndEmail },
      },
      schema: {
        tags,
        summary:
          'Forgot your password (staff): email a one-hour reset link to the staff member of this address',
        description:
          'Always 202 with the same body, whether or not the email belongs to a staff member (no ' +
          'enumeration): the link is sent by a job. A few links per staff member and hour at most.',
        body: EmailBody,
        response: { 202: AcceptedReply, ...errors },
      },
    },
    async (request, reply) => {
      await requestStaffPasswordReset(services, request.body);
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.get(
    '/auth/password-resets/:token',
    {
      config: { access: PUBLIC, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'For which staff address a reset link is, before the new password is asked',
        description: '404 for an unknown link, 410 for a used or expired one.',
        params: LinkTokenParams,
        response: { 200: LinkEmailReply, ...errors },
      },
    },
    async (request) => previewStaffPasswordReset(db, request.params.token),
  );

  app.post(
    '/auth/password-resets/:token',
    {
      config: { access: PUBLIC, rateLimit: { max: 10, timeWindow: '5 minutes' } },
      schema: {
        tags,
        summary:
          'Follow a staff reset link with a new password: sets it, ends every session of the staff ' +
          'member and signs in (sets the session cookie; `signedIn: false` when the member has a second ' +
          'factor, which the sign-in page then asks for)',
        params: LinkTokenParams,
        body: PasswordBody,
        response: { 200: StaffResetReply, ...errors },
      },
    },
    async (request, reply) => {
      const { session } = await resetStaffPassword(
        db,
        { token: request.params.token, password: request.body.password },
        config.sessionDays,
      );
      if (session) setSessionCookie(reply, session.token, session.expiresAt, config.cookieSecure);
      return { ok: true as const, signedIn: session !== undefined };
    },
  );
}
