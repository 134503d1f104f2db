// A1 routes: sign-in, sign-out, the current session, password and language changes.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { asc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../context.ts';
import { accounts, organisations, staff } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { ANY_STAFF, PUBLIC } from '../http/access.ts';
import { staffContext } from '../http/context.ts';
import { errorReplies } from '../http/schema-helpers.ts';
import { changePassword } from './actions/change-password.ts';
import { signIn } from './actions/sign-in.ts';
import type { StaffActor } from './actor.ts';
import { ChangePasswordBody, LanguageBody, SessionReply, SignInBody } from './schemas.ts';
import { deleteSession, setSessionCookie } from './sessions.ts';

const errors = errorReplies(400, 401, 403);

export function registerAuthRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = services;

  const setCookie = (reply: FastifyReply, token: string, expires: Date | undefined) =>
    setSessionCookie(reply, token, expires, config.cookieSecure);

  const describeSession = async (actor: StaffActor, csrfToken: string) => {
    const [account] = await db.select().from(accounts).where(eq(accounts.id, actor.accountId));
    const organisationIds = [...actor.roles.keys()];
    const rows = organisationIds.length
      ? await db
          .select()
          .from(organisations)
          .where(inArray(organisations.id, organisationIds))
          .orderBy(asc(organisations.name))
      : [];
    return {
      csrfToken,
      staff: {
        id: actor.staffId,
        email: actor.email,
        firstName: actor.firstName,
        lastName: actor.lastName,
        language: actor.language,
      },
      account: {
        id: account!.id,
        name: account!.name,
        usersVisibleAcrossOrganisations: account!.usersVisibleAcrossOrganisations,
      },
      memberships: rows.map((org) => ({
        organisationId: org.id,
        organisationName: org.name,
        slug: org.slug,
        timeZone: org.timeZone,
        role: actor.roles.get(org.id)!,
      })),
    };
  };

  app.post(
    '/auth/sign-in',
    {
      config: {
        access: PUBLIC,
        rateLimit: {
          max: 10,
          timeWindow: '5 minutes',
          keyGenerator: (request) =>
            `${request.ip}|${String((request.body as { email?: string } | undefined)?.email ?? '').toLowerCase()}`,
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in as staff (sets the session cookie)',
        body: SignInBody,
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errors, ...errorReplies(429) },
      },
    },
    async (request, reply) => {
      const session = await signIn(db, request.body, config.sessionDays);
      setCookie(reply, session.token, session.expiresAt);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/sign-out',
    {
      config: { access: ANY_STAFF },
      schema: {
        tags: ['auth'],
        summary: 'Sign out',
        response: { 200: Type.Object({ ok: Type.Literal(true) }) },
      },
    },
    async (request, reply) => {
      if (request.sessionTokenHash) await deleteSession(db, request.sessionTokenHash);
      setCookie(reply, '', undefined);
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/session',
    {
      config: { access: ANY_STAFF },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in staff member, their organisations and the CSRF token',
        response: { 200: SessionReply, ...errors },
      },
    },
    async (request) => describeSession(request.actor!, request.csrfToken!),
  );

  app.post(
    '/auth/password',
    {
      config: { access: ANY_STAFF, rateLimit: { max: 10, timeWindow: '5 minutes' } },
      schema: {
        tags: ['auth'],
        summary: 'Change my password (signs out my other sessions)',
        body: ChangePasswordBody,
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errors },
      },
    },
    async (request) => {
      if (!request.sessionTokenHash) throw new AppError('unauthenticated');
      await changePassword(staffContext(request, services), {
        ...request.body,
        keepSessionHash: request.sessionTokenHash,
      });
      return { ok: true as const };
    },
  );

  app.put(
    '/auth/language',
    {
      config: { access: ANY_STAFF },
      schema: {
        tags: ['auth'],
        summary: 'Set my interface language',
        body: LanguageBody,
        response: { 200: Type.Object({ language: Type.String() }), ...errors },
      },
    },
    async (request) => {
      await db
        .update(staff)
        .set({ language: request.body.language })
        .where(eq(staff.id, request.actor!.staffId));
      return { language: request.body.language };
    },
  );
}
