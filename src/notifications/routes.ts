// Routes of notifications: the built-in outbox (N1), staff notification settings (N3), "send the reminder
// now" (N2) and the SMS provider's delivery-status callback.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { OrgParams, Uuid } from '../accounts/schemas.ts';
import type { Services } from '../context.ts';
import { appointmentHistory, outboxMessages } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { orgAccess, PUBLIC } from '../http/access.ts';
import { staffContext } from '../http/context.ts';
import { errorReplies, Nullable } from '../http/schema-helpers.ts';
import { loadAppointment } from '../scheduling/actions/load-appointment.ts';
import { getStaffSettings, setStaffSettings } from './actions/staff-settings.ts';
import { liveUserIds, notifyUsers } from './triggers.ts';

const errors = errorReplies(400, 401, 403, 404, 409);
const OutboxMessage = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  channel: Type.String(),
  recipient: Type.String(),
  subject: Nullable(Type.String()),
  bodyText: Type.String(),
  bodyHtml: Nullable(Type.String()),
  status: Type.String(),
  transport: Type.String(),
  segments: Nullable(Type.Integer()),
  icsMethod: Nullable(Type.String()),
  error: Nullable(Type.String()),
  userId: Nullable(Type.String()),
  appointmentId: Nullable(Type.String()),
  createdAt: Type.String(),
});
const Event = Type.Union([
  Type.Literal('appointment_created'),
  Type.Literal('appointment_cancelled'),
  Type.Literal('invited_to_meeting'),
  Type.Literal('invitee_declined'),
]);
const Setting = Type.Object(
  { event: Event, email: Type.Boolean(), sms: Type.Boolean() },
  { additionalProperties: false },
);

/** Twilio's request signature: HMAC-SHA1 over the URL followed by the sorted form fields. */
function isSignedBySmsProvider(request: FastifyRequest, token: string, publicUrl: string): boolean {
  const signature = request.headers['x-twilio-signature'];
  if (typeof signature !== 'string') return false;
  const fields = request.body as Record<string, string>;
  const payload = Object.keys(fields)
    .sort()
    .reduce((text, key) => text + key + fields[key], `${publicUrl}${request.url}`);
  const expected = createHmac('sha1', token).update(payload).digest('base64');
  return (
    expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature))
  );
}

export function registerNotificationRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['notifications'];

  app.get(
    '/orgs/:orgId/outbox',
    {
      config: { access: orgAccess('admin', 'agent') },
      schema: {
        tags,
        summary: 'Messages of the built-in outbox, newest first (N1)',
        params: OrgParams,
        querystring: Type.Object({
          before: Type.Optional(Type.String({ format: 'date-time' })),
          userId: Type.Optional(Uuid),
          appointmentId: Type.Optional(Uuid),
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
        }),
        response: { 200: Type.Array(OutboxMessage), ...errors },
      },
    },
    async (request) => {
      const query = request.query;
      const rows = await services.db
        .select()
        .from(outboxMessages)
        .where(
          and(
            eq(outboxMessages.organisationId, request.params.orgId),
            query.before ? lt(outboxMessages.createdAt, new Date(query.before)) : undefined,
            query.userId ? eq(outboxMessages.userId, query.userId) : undefined,
            query.appointmentId ? eq(outboxMessages.appointmentId, query.appointmentId) : undefined,
          ),
        )
        .orderBy(desc(outboxMessages.createdAt))
        .limit(query.limit);
      return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
    },
  );

  const SettingsParams = Type.Object({ orgId: Uuid, staffId: Uuid });
  app.get(
    '/orgs/:orgId/staff/:staffId/notification-settings',
    {
      config: { access: orgAccess() },
      schema: {
        tags,
        summary: 'A staff member’s notification settings (N3)',
        params: SettingsParams,
        response: { 200: Type.Array(Setting), ...errors },
      },
    },
    async (request) =>
      getStaffSettings(staffContext(request, services), request.params.orgId, request.params.staffId),
  );
  app.put(
    '/orgs/:orgId/staff/:staffId/notification-settings',
    {
      config: { access: orgAccess() },
      schema: {
        tags,
        summary: 'Change notification settings: one’s own, or a provider’s as an admin (N3)',
        params: SettingsParams,
        body: Type.Object(
          { settings: Type.Array(Setting, { minItems: 1, maxItems: 4 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Setting), ...errors },
      },
    },
    async (request) =>
      setStaffSettings(
        staffContext(request, services),
        request.params.orgId,
        request.params.staffId,
        request.body.settings,
      ),
  );

  app.post(
    '/orgs/:orgId/appointments/:appointmentId/send-reminder',
    {
      config: { access: orgAccess('admin', 'agent') },
      schema: {
        tags,
        summary: 'Send the reminder now (N2)',
        params: Type.Object({ orgId: Uuid, appointmentId: Uuid }),
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errors },
      },
    },
    async (request) => {
      const ctx = staffContext(request, services);
      await ctx.db.transaction(async (tx) => {
        const appointment = await loadAppointment(tx, request.params.orgId, request.params.appointmentId);
        if (appointment.state !== 'booked' || appointment.startsAt.getTime() <= Date.now()) {
          throw new AppError('appointment_not_active');
        }
        await notifyUsers(ctx.boss, tx, {
          kind: 'appointment_reminder',
          appointment,
          userIds: await liveUserIds(tx, appointment.id),
          key: `reminder-now:${appointment.id}:${Date.now()}`,
        });
        await tx.insert(appointmentHistory).values({
          appointmentId: appointment.id,
          action: 'reminder_requested',
          actorStaffId: ctx.actor.staffId,
        });
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/public/sms/status',
    {
      config: { access: PUBLIC, rateLimit: { max: 600, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Delivery-status callback of the SMS provider (Twilio-compatible form fields)',
        body: Type.Object({
          MessageSid: Type.String({ maxLength: 100 }),
          MessageStatus: Type.String({ maxLength: 40 }),
          ErrorCode: Type.Optional(Type.String()),
        }),
        response: { 204: Type.Null(), ...errorReplies(403) },
      },
    },
    async (request, reply) => {
      const token = services.config.smsAuthToken;
      if (token && !isSignedBySmsProvider(request, token, services.config.publicUrl))
        throw new AppError('forbidden');
      const status = request.body.MessageStatus;
      const outcome =
        status === 'delivered'
          ? 'delivered'
          : ['failed', 'undelivered'].includes(status)
            ? 'failed'
            : undefined;
      if (outcome) {
        const [message] = await services.db
          .update(outboxMessages)
          .set({
            status: outcome,
            ...(outcome === 'failed'
              ? { error: `provider: ${status} ${request.body.ErrorCode ?? ''}`.trim() }
              : {}),
          })
          .where(eq(outboxMessages.providerMessageId, request.body.MessageSid))
          .returning();
        if (message?.appointmentId) {
          await services.db.insert(appointmentHistory).values({
            appointmentId: message.appointmentId,
            action: outcome === 'delivered' ? 'notification_delivered' : 'notification_failed',
            details: { channel: 'sms', outboxId: message.id, userId: message.userId, providerStatus: status },
          });
        }
      }
      return reply.status(204).send(null);
    },
  );
}
