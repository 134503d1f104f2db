// A1 routes of the optional TOTP second factor: my status, set-up in two steps (secret for the QR code, then
// a code from the app → recovery codes shown once), turning it off (password + code), and an admin turning
// it off for a member of their organisation.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { StaffParams } from '../accounts/schemas.ts';
import type { Services } from '../context.ts';
import { staff } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { ANY_STAFF, orgAccess } from '../http/access.ts';
import { staffContext } from '../http/context.ts';
import { errorReplies } from '../http/schema-helpers.ts';
import {
  confirmTwoFactorSetup,
  countUnusedRecoveryCodes,
  disableTwoFactor,
  resetStaffTwoFactor,
  startTwoFactorSetup,
} from './actions/two-factor.ts';
import {
  DisableSecondFactorBody,
  RecoveryCodesReply,
  SecondFactorCodeBody,
  SecondFactorSetupReply,
  SecondFactorStatusReply,
} from './schemas.ts';

const errors = errorReplies(400, 401, 403, 404, 409, 429);
const Ok = Type.Object({ ok: Type.Literal(true) });
const tags = ['auth'];

export function registerTwoFactorRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = services;
  const currentSession = (hash: string | undefined) => {
    if (!hash) throw new AppError('unauthenticated');
    return hash;
  };

  app.get(
    '/auth/two-factor',
    {
      config: { access: ANY_STAFF },
      schema: {
        tags,
        summary: 'Whether my second factor is on, since when, and how many recovery codes are left',
        response: { 200: SecondFactorStatusReply, ...errors },
      },
    },
    async (request) => {
      const staffId = request.actor!.staffId;
      const [member] = await db
        .select({ totpEnabledAt: staff.totpEnabledAt })
        .from(staff)
        .where(eq(staff.id, staffId));
      const enabledAt = member?.totpEnabledAt ?? null;
      return {
        isEnabled: enabledAt !== null,
        enabledAt: enabledAt?.toISOString() ?? null,
        recoveryCodesLeft: enabledAt ? await countUnusedRecoveryCodes(db, staffId) : 0,
      };
    },
  );

  app.post(
    '/auth/two-factor/setup',
    {
      config: { access: ANY_STAFF, rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: {
        tags,
        summary: 'Start setting up the second factor: a new secret and its otpauth:// URI for the QR code',
        description: 'Nothing changes at sign-in until a code from the app confirms it (…/confirm).',
        response: { 200: SecondFactorSetupReply, ...errors },
      },
    },
    async (request) => startTwoFactorSetup(staffContext(request, services)),
  );

  app.post(
    '/auth/two-factor/confirm',
    {
      config: { access: ANY_STAFF, rateLimit: { max: 10, timeWindow: '5 minutes' } },
      schema: {
        tags,
        summary: 'Turn the second factor on with a code from the app; returns ten recovery codes, once',
        description: 'My other sessions end: from now on every sign-in asks for a code.',
        body: SecondFactorCodeBody,
        response: { 200: RecoveryCodesReply, ...errors },
      },
    },
    async (request) =>
      confirmTwoFactorSetup(staffContext(request, services), {
        code: request.body.code,
        keepSessionHash: currentSession(request.sessionTokenHash),
      }),
  );

  app.post(
    '/auth/two-factor/disable',
    {
      config: { access: ANY_STAFF, rateLimit: { max: 10, timeWindow: '5 minutes' } },
      schema: {
        tags,
        summary: 'Turn my second factor off (my password and a current or recovery code)',
        body: DisableSecondFactorBody,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await disableTwoFactor(staffContext(request, services), {
        ...request.body,
        keepSessionHash: currentSession(request.sessionTokenHash),
      });
      return { ok: true as const };
    },
  );

  app.delete(
    '/orgs/:orgId/staff/:staffId/two-factor',
    {
      config: { access: orgAccess('admin') },
      schema: {
        tags: ['organisations'],
        summary:
          'Turn off a staff member’s second factor (lost phone and recovery codes); they sign in again',
        params: StaffParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await resetStaffTwoFactor(staffContext(request, services), {
        organisationId: request.params.orgId,
        staffId: request.params.staffId,
      });
      return { ok: true as const };
    },
  );
}
