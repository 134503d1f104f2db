// Portal account routes (P4): self sign-up, resending and following the verification link, a forgotten
// password (asking for a reset link, then following it), and the signed-in person's profile. Sign-up, resend
// and the reset request answer the same whether or not the address has an account.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { getOrganisationBySlug } from '../accounts/queries.ts';
import {
  AcceptedReply,
  EmailBody,
  LanguageSchema,
  LinkEmailReply,
  LinkTokenParams,
  PasswordBody,
} from '../auth/schemas.ts';
import type { Services } from '../context.ts';
import { PORTAL_USER, PUBLIC } from '../http/access.ts';
import { perAddressAndEmail } from '../http/rate-limit-keys.ts';
import { errorReplies, Nullable } from '../http/schema-helpers.ts';
import { updateMyProfile } from './actions/edit-profile.ts';
import { requestPasswordReset } from './actions/request-password-reset.ts';
import { previewPasswordReset, resetPassword } from './actions/reset-password.ts';
import { resendVerification, signUp } from './actions/sign-up.ts';
import { previewVerification, verifyEmail } from './actions/verify-email.ts';
import { ProfileReply } from './schemas.ts';
import { setPortalCookie } from './sessions.ts';

const errors = errorReplies(400, 401, 403, 404, 409, 410, 429);
const SlugParams = Type.Object({ slug: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }) });

const SignUpBody = Type.Object(
  {
    firstName: Type.String({ minLength: 1, maxLength: 100 }),
    lastName: Type.String({ minLength: 1, maxLength: 100 }),
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    language: Type.Optional(LanguageSchema),
  },
  { additionalProperties: false },
);
const ProfileBody = Type.Object(
  {
    firstName: Type.Optional(Type.String({ maxLength: 100 })),
    lastName: Type.Optional(Type.String({ maxLength: 100 })),
    mobilePhone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    language: Type.Optional(LanguageSchema),
    email: Type.Optional(Type.String({ maxLength: 254 })),
    currentPassword: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export function registerPortalAccountRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = services;
  const tags = ['portal'];

  app.post(
    '/public/organisations/:slug/sign-up',
    {
      config: { access: PUBLIC, rateLimit: { max: 5, timeWindow: '10 minutes' } },
      schema: {
        tags,
        summary: 'Create a portal account; a link to confirm the email is sent (P4)',
        description:
          'Always 202 with the same body, whether or not the email already has an account (no enumeration).',
        params: SlugParams,
        body: SignUpBody,
        response: { 202: AcceptedReply, ...errors },
      },
    },
    async (request, reply) => {
      const organisation = await getOrganisationBySlug(db, request.params.slug);
      await signUp(services, organisation, {
        ...request.body,
        language: request.body.language ?? request.language,
      });
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/public/email-verifications/resend',
    {
      config: {
        access: PUBLIC,
        // Per address and email: the database adds its own cap per account (verification.ts).
        rateLimit: { max: 3, timeWindow: '15 minutes', keyGenerator: perAddressAndEmail },
      },
      schema: {
        tags,
        summary: 'Send the sign-up confirmation link again (P4); the same answer for any email',
        body: EmailBody,
        response: { 202: AcceptedReply, ...errors },
      },
    },
    async (request, reply) => {
      await resendVerification(services, request.body.email);
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.get(
    '/public/email-verifications/:token',
    {
      config: { access: PUBLIC, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'What a confirmation link is for, before the password is asked (P4)',
        params: LinkTokenParams,
        response: {
          200: Type.Object({
            email: Type.String(),
            purpose: Type.Union([Type.Literal('sign_up'), Type.Literal('email_change')]),
          }),
          ...errors,
        },
      },
    },
    async (request) => previewVerification(db, request.params.token),
  );

  app.post(
    '/public/email-verifications/:token',
    {
      config: { access: PUBLIC, rateLimit: { max: 10, timeWindow: '5 minutes' } },
      schema: {
        tags,
        summary:
          'Follow a confirmation link with the account’s password: confirms the address, signs in (P4)',
        params: LinkTokenParams,
        body: PasswordBody,
        response: { 200: AcceptedReply, ...errors },
      },
    },
    async (request, reply) => {
      const { session } = await verifyEmail(
        db,
        { token: request.params.token, password: request.body.password },
        config.sessionDays,
      );
      setPortalCookie(reply, session, config.cookieSecure);
      return { ok: true as const };
    },
  );

  app.post(
    '/public/password-resets',
    {
      config: {
        access: PUBLIC,
        // Per address and email: the database adds its own cap per account (verification.ts).
        rateLimit: { max: 3, timeWindow: '15 minutes', keyGenerator: perAddressAndEmail },
      },
      schema: {
        tags,
        summary: 'Forgot your password: email a one-hour reset link to the account of this address (P4)',
        description:
          'Always 202 with the same body, whether or not the email has an account (no enumeration): the ' +
          'link is sent by a job. A few links per account and hour at most.',
        body: EmailBody,
        response: { 202: AcceptedReply, ...errors },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(services, request.body);
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.get(
    '/public/password-resets/:token',
    {
      config: { access: PUBLIC, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'For which address a reset link is, before the new password is asked (P4)',
        description: '404 for an unknown link, 410 for a used or expired one.',
        params: LinkTokenParams,
        response: { 200: LinkEmailReply, ...errors },
      },
    },
    async (request) => previewPasswordReset(db, request.params.token),
  );

  app.post(
    '/public/password-resets/:token',
    {
      config: { access: PUBLIC, rateLimit: { max: 10, timeWindow: '5 minutes' } },
      schema: {
        tags,
        summary:
          'Follow a reset link with a new password: sets it, confirms the address, ends every other ' +
          'session and signs in (P4)',
        params: LinkTokenParams,
        body: PasswordBody,
        response: { 200: AcceptedReply, ...errors },
      },
    },
    async (request, reply) => {
      const { session } = await resetPassword(
        db,
        { token: request.params.token, password: request.body.password },
        config.sessionDays,
      );
      setPortalCookie(reply, session, config.cookieSecure);
      return { ok: true as const };
    },
  );

  app.put(
    '/portal/profile',
    {
      config: {
        access: PORTAL_USER,
        rateLimit: {
          max: 30,
          timeWindow: '10 minutes',
          keyGenerator: (request) => request.portalUser?.portalAccountId ?? request.ip,
        },
      },
      schema: {
        tags,
        summary: 'Edit my profile (P4); a new email is confirmed by a link before it replaces the old one',
        body: ProfileBody,
        response: { 200: ProfileReply, ...errors },
      },
    },
    async (request) => updateMyProfile(services, request.portalUser!, request.body),
  );
}
