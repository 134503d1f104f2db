// Routes of the follow-up menu (F1–F5) and the appointment reports (R1).
import { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { OrgParams, Uuid } from '../accounts/schemas.ts';
import { roleIn } from '../auth/actor.ts';
import type { Services } from '../context.ts';
import { PARTICIPANT_STATUSES } from '../db/schema.ts';
import { orgAccess } from '../http/access.ts';
import { staffContext } from '../http/context.ts';
import { errorReplies, Nullable } from '../http/schema-helpers.ts';
import { appointmentReport, exportAppointmentsCsv } from '../reports/queries.ts';
import { loadScope } from '../users/visibility.ts';
import { applyBatch } from './actions/apply-batch.ts';
import { listFollowup } from './queries.ts';

const errors = errorReplies(400, 401, 403, 404, 409);
const Names = Type.Object({ fr: Type.String(), en: Type.String() });
const Instant = Type.String({ format: 'date-time' });
const Status = Type.Union(PARTICIPANT_STATUSES.filter((s) => s !== 'held').map((s) => Type.Literal(s)));

const FollowupQuery = Type.Object({
  from: Instant,
  to: Instant,
  providerId: Type.Optional(Uuid),
  serviceId: Type.Optional(Uuid),
  locationId: Type.Optional(Uuid),
  appointmentId: Type.Optional(Uuid),
  status: Type.Optional(Type.Array(Status, { maxItems: 5 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  order: Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' }),
  cursor: Type.Optional(Type.String({ maxLength: 300 })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

const FollowupRow = Type.Object({
  participantId: Uuid,
  appointmentId: Uuid,
  status: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  isUpcoming: Type.Boolean(),
  user: Type.Object({ id: Uuid, name: Type.String(), hasEmail: Type.Boolean(), hasMobile: Type.Boolean() }),
  service: Type.Object({ id: Uuid, name: Names }),
  provider: Type.Object({ id: Uuid, name: Type.String() }),
  location: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  tags: Type.Array(
    Type.Object({
      id: Uuid,
      label: Type.String(),
      type: Type.String(),
      icon: Type.String(),
      color: Type.String(),
    }),
  ),
});

const BatchBody = Type.Object(
  {
    participantIds: Type.Array(Uuid, { minItems: 1, maxItems: 500 }),
    action: Type.Union([
      Type.Literal('present'),
      Type.Literal('absent'),
      Type.Literal('not_eligible'),
      Type.Literal('cancel'),
    ]),
    notEligibleMode: Type.Optional(Type.Union([Type.Literal('keep'), Type.Literal('cancel')])),
    notify: Type.Optional(Type.Union([Type.Literal('sms'), Type.Literal('email'), Type.Literal('none')])),
    lockSlot: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const BatchReply = Type.Object({
  done: Type.Integer(),
  refused: Type.Integer(),
  results: Type.Array(
    Type.Object({
      participantId: Uuid,
      outcome: Type.String(),
      status: Type.Optional(Type.String()),
      code: Type.Optional(Type.String()),
    }),
  ),
});

const ReportQuery = Type.Object({
  from: Instant,
  to: Instant,
  providerId: Type.Optional(Uuid),
  serviceId: Type.Optional(Uuid),
  locationId: Type.Optional(Uuid),
  groupBy: Type.Union([Type.Literal('service'), Type.Literal('provider'), Type.Literal('location')], {
    default: 'service',
  }),
  interval: Type.Union([Type.Literal('week'), Type.Literal('month')], { default: 'week' }),
});
const Counts = Type.Object({
  scheduled: Type.Integer(),
  present: Type.Integer(),
  absent: Type.Integer(),
  not_eligible: Type.Integer(),
  cancelled: Type.Integer(),
});
const ReportReply = Type.Object({
  totals: Counts,
  total: Type.Integer(),
  groups: Type.Array(Type.Object({ key: Nullable(Type.String()), label: Names, counts: Counts })),
  series: Type.Array(Type.Object({ period: Type.String(), counts: Counts })),
});

export function registerFollowupRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const access = orgAccess();

  app.get(
    '/orgs/:orgId/followup',
    {
      config: { access },
      schema: {
        tags: ['follow-up'],
        summary: 'Follow-up list: one row per participant (F1)',
        params: OrgParams,
        querystring: FollowupQuery,
        response: {
          200: Type.Object({ items: Type.Array(FollowupRow), nextCursor: Nullable(Type.String()) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const ctx = staffContext(request, services);
      const query = request.query;
      // A provider follows up their own appointments.
      const providerId =
        roleIn(ctx.actor, request.params.orgId) === 'provider' ? ctx.actor.staffId : query.providerId;
      return listFollowup(services.db, await loadScope(services.db, request.params.orgId), {
        ...query,
        providerId,
        from: new Date(query.from),
        to: new Date(query.to),
        statuses: query.status,
      });
    },
  );

  app.post(
    '/orgs/:orgId/followup/batch',
    {
      config: { access },
      schema: {
        tags: ['follow-up'],
        summary: 'Batch action on participant rows: present, absent, not eligible, cancel (F2–F4)',
        params: OrgParams,
        body: BatchBody,
        response: { 200: BatchReply, ...errors },
      },
    },
    async (request) => applyBatch(staffContext(request, services), request.params.orgId, request.body),
  );

  app.get(
    '/orgs/:orgId/reports/appointments',
    {
      config: { access: orgAccess('admin', 'agent') },
      schema: {
        tags: ['reports'],
        summary: 'Appointment counts by status, grouped and over time (R1)',
        params: OrgParams,
        querystring: ReportQuery,
        response: { 200: ReportReply, ...errors },
      },
    },
    async (request) => {
      const scope = await loadScope(services.db, request.params.orgId);
      return appointmentReport(services.db, {
        ...request.query,
        organisationId: scope.organisationId,
        timeZone: scope.organisation.timeZone,
        from: new Date(request.query.from),
        to: new Date(request.query.to),
      });
    },
  );

  app.get(
    '/orgs/:orgId/reports/appointments.csv',
    {
      config: { access: orgAccess('admin', 'agent') },
      schema: {
        tags: ['reports'],
        summary: 'CSV export (UTF-8 with BOM), streamed (R1)',
        params: OrgParams,
        querystring: ReportQuery,
      },
    },
    async (request, reply) => {
      const scope = await loadScope(services.db, request.params.orgId);
      const filter = {
        ...request.query,
        organisationId: scope.organisationId,
        timeZone: scope.organisation.timeZone,
        from: new Date(request.query.from),
        to: new Date(request.query.to),
      };
      const stamp = request.query.from.slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="appointments-${stamp}.csv"`)
        .send(Readable.from(exportAppointmentsCsv(services.db, filter, request.language)));
    },
  );
}
