// Routes of scheduling: services (S1), availability (S2), slot search (S3), booking (S4), locks (S5),
// moves (S8), the week/day schedule (S9), and the portal's holds (S10).

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { getOrganisation, getOrganisationBySlug } from '../accounts/queries.ts';
import { OrgParams, Uuid } from '../accounts/schemas.ts';
import type { Services } from '../context.ts';
import { AppError } from '../errors.ts';
import { orgAccess, PUBLIC } from '../http/access.ts';
import { staffContext } from '../http/context.ts';
import { errorReplies } from '../http/schema-helpers.ts';
import { bookAppointment } from './actions/book-appointment.ts';
import { cancelParticipants } from './actions/cancel-appointment.ts';
import { holdSlot, releaseHold } from './actions/hold-slot.ts';
import {
  addAbsence,
  addException,
  assertScheduleRole,
  removeAvailabilityItem,
  requireScheduleAccess,
  setWeeklyHours,
} from './actions/manage-availability.ts';
import { lockTime, unlockTime } from './actions/manage-locks.ts';
import { createService, listServices, updateService } from './actions/manage-services.ts';
import { moveAppointment } from './actions/move-appointment.ts';
import { loadService } from './calendars.ts';
import { getAppointmentDetail, getAvailability, getSchedule, listProviders } from './queries.ts';
import {
  AbsenceBody,
  AppointmentDetail,
  AppointmentParams,
  AppointmentReply,
  AvailabilityReply,
  BookBody,
  ExceptionBody,
  HoldBody,
  HoldReply,
  LockBody,
  LockReply,
  MoveBody,
  ProviderParams,
  PublicSlotReply,
  ScheduleQuery,
  ScheduleReply,
  ServiceBody,
  ServiceParams,
  ServicePatch,
  ServiceReply,
  SlotQuery,
  SlotReply,
  WeeklyHoursBody,
} from './schemas.ts';
import { searchSlots } from './slot-search.ts';
import { offeredTimes } from './slots.ts';

const errors = errorReplies(400, 401, 403, 404, 409, 410);
const Ok = Type.Object({ ok: Type.Literal(true) });
const toSlotReply = (slot: {
  start: number;
  end: number;
  providerId: string;
  locationId: string | null;
  remaining: number;
  isLocked: boolean;
}) => ({
  startsAt: new Date(slot.start).toISOString(),
  endsAt: new Date(slot.end).toISOString(),
  providerId: slot.providerId,
  locationId: slot.locationId,
  remaining: slot.remaining,
  isLocked: slot.isLocked,
});
const toAppointmentReply = (row: {
  id: string;
  startsAt: Date;
  endsAt: Date;
  providerId: string;
  serviceId: string;
  locationId: string | null;
  state: string;
}) => ({
  id: row.id,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  providerId: row.providerId,
  serviceId: row.serviceId,
  locationId: row.locationId,
  state: row.state,
});

export function registerSchedulingRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const anyStaff = orgAccess();
  const managers = orgAccess('admin', 'agent');
  const tags = ['scheduling'];
  const { db } = services;

  app.get(
    '/orgs/:orgId/services',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Services (S1)',
        params: OrgParams,
        response: { 200: Type.Array(ServiceReply), ...errors },
      },
    },
    async (request) => listServices(db, request.params.orgId),
  );
  app.post(
    '/orgs/:orgId/services',
    {
      config: { access: orgAccess('admin') },
      schema: {
        tags,
        summary: 'Create a service (S1)',
        params: OrgParams,
        body: ServiceBody,
        response: { 201: ServiceReply, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createService(staffContext(request, services), request.params.orgId, request.body)),
  );
  app.patch(
    '/orgs/:orgId/services/:serviceId',
    {
      config: { access: orgAccess('admin') },
      schema: {
        tags,
        summary: 'Change or archive a service (S1)',
        params: ServiceParams,
        body: ServicePatch,
        response: { 200: ServiceReply, ...errors },
      },
    },
    async (request) =>
      updateService(
        staffContext(request, services),
        request.params.orgId,
        request.params.serviceId,
        request.body,
      ),
  );

  app.get(
    '/orgs/:orgId/services/:serviceId/slots',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Free slots for staff, locked ones flagged (S3)',
        params: ServiceParams,
        querystring: SlotQuery,
        response: { 200: Type.Array(SlotReply), ...errors },
      },
    },
    async (request) => {
      const ctx = staffContext(request, services);
      if (request.query.providerId)
        await requireScheduleAccess(ctx, request.params.orgId, request.query.providerId);
      const slots = await searchSlots(db, {
        organisation: await getOrganisation(db, request.params.orgId),
        serviceId: request.params.serviceId,
        providerId: request.query.providerId,
        locationId: request.query.locationId,
        fromDate: request.query.from,
        toDate: request.query.to,
        audience: 'staff',
      });
      return slots.map(toSlotReply);
    },
  );

  app.get(
    '/orgs/:orgId/providers',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Providers of the organisation',
        params: OrgParams,
        response: {
          200: Type.Array(Type.Object({ id: Uuid, firstName: Type.String(), lastName: Type.String() })),
          ...errors,
        },
      },
    },
    async (request) => listProviders(db, request.params.orgId),
  );
  app.get(
    '/orgs/:orgId/providers/:providerId/availability',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Weekly hours, exceptions and absences (S2)',
        params: ProviderParams,
        response: { 200: AvailabilityReply, ...errors },
      },
    },
    async (request) => {
      await requireScheduleAccess(
        staffContext(request, services),
        request.params.orgId,
        request.params.providerId,
      );
      return getAvailability(db, request.params.orgId, request.params.providerId);
    },
  );
  app.put(
    '/orgs/:orgId/providers/:providerId/weekly-hours',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Replace weekly opening hours (S2)',
        params: ProviderParams,
        body: WeeklyHoursBody,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await setWeeklyHours(
        staffContext(request, services),
        request.params.orgId,
        request.params.providerId,
        request.body.rules,
      );
      return { ok: true as const };
    },
  );
  app.post(
    '/orgs/:orgId/providers/:providerId/exceptions',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Add a dated exception (S2)',
        params: ProviderParams,
        body: ExceptionBody,
        response: { 201: Type.Object({ id: Uuid }), ...errors },
      },
    },
    async (request, reply) => {
      const row = await addException(
        staffContext(request, services),
        request.params.orgId,
        request.params.providerId,
        request.body,
      );
      return reply.status(201).send({ id: row.id });
    },
  );
  app.post(
    '/orgs/:orgId/providers/:providerId/absences',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Add an absence (S2)',
        params: ProviderParams,
        body: AbsenceBody,
        response: { 201: Type.Object({ id: Uuid }), ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const row = await addAbsence(
        staffContext(request, services),
        request.params.orgId,
        request.params.providerId,
        {
          startsAt: new Date(body.startsAt),
          endsAt: new Date(body.endsAt),
          reason: body.reason,
        },
      );
      return reply.status(201).send({ id: row.id });
    },
  );
  for (const kind of ['exception', 'absence'] as const) {
    app.delete(
      `/orgs/:orgId/${kind === 'exception' ? 'availability-exceptions' : 'absences'}/:itemId`,
      {
        config: { access: anyStaff },
        schema: {
          tags,
          summary: `Remove an ${kind} (S2)`,
          params: Type.Object({ orgId: Uuid, itemId: Uuid }),
          response: { 200: Ok, ...errors },
        },
      },
      async (request) => {
        await removeAvailabilityItem(
          staffContext(request, services),
          request.params.orgId,
          kind,
          request.params.itemId,
        );
        return { ok: true as const };
      },
    );
  }

  app.get(
    '/orgs/:orgId/schedule',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'A provider’s week or day: appointments, locks, absences, opening hours (S9)',
        params: OrgParams,
        querystring: ScheduleQuery,
        response: { 200: ScheduleReply, ...errors },
      },
    },
    async (request) => {
      await requireScheduleAccess(
        staffContext(request, services),
        request.params.orgId,
        request.query.providerId,
      );
      const organisation = await getOrganisation(db, request.params.orgId);
      return getSchedule(db, {
        organisationId: organisation.id,
        timeZone: organisation.timeZone,
        providerId: request.query.providerId,
        fromDate: request.query.from,
        toDate: request.query.to,
      });
    },
  );

  app.post(
    '/orgs/:orgId/appointments',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Book an appointment for user records (S4, S11)',
        params: OrgParams,
        body: BookBody,
        response: { 201: AppointmentReply, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = staffContext(request, services);
      // The booking checks the provider itself, with the rest of its checks in one round trip.
      assertScheduleRole(ctx, request.params.orgId, request.body.providerId);
      const result = await bookAppointment(ctx, request.params.orgId, {
        ...request.body,
        startsAt: new Date(request.body.startsAt),
      });
      return reply.status(201).send(toAppointmentReply(result.appointment));
    },
  );
  app.get(
    '/orgs/:orgId/appointments/:appointmentId',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'An appointment with participants and history (S6, S7)',
        params: AppointmentParams,
        response: { 200: AppointmentDetail, ...errors },
      },
    },
    async (request) => {
      const detail = await getAppointmentDetail(db, request.params.orgId, request.params.appointmentId);
      await requireScheduleAccess(staffContext(request, services), request.params.orgId, detail.providerId);
      return detail;
    },
  );
  app.post(
    '/orgs/:orgId/appointments/:appointmentId/move',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Move an appointment (S8)',
        params: AppointmentParams,
        body: MoveBody,
        response: { 200: AppointmentReply, ...errors },
      },
    },
    async (request) => {
      const ctx = staffContext(request, services);
      const detail = await getAppointmentDetail(db, request.params.orgId, request.params.appointmentId);
      await requireScheduleAccess(ctx, request.params.orgId, request.body.providerId ?? detail.providerId);
      const moved = await moveAppointment(ctx, request.params.orgId, request.params.appointmentId, {
        ...request.body,
        startsAt: new Date(request.body.startsAt),
      });
      return toAppointmentReply(moved);
    },
  );
  app.post(
    '/orgs/:orgId/appointments/:appointmentId/cancel',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'Cancel an appointment (all participants), optionally locking the freed slot',
        params: AppointmentParams,
        body: Type.Object({ lockSlot: Type.Boolean({ default: false }) }, { additionalProperties: false }),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      const ctx = staffContext(request, services);
      await db.transaction((tx) =>
        cancelParticipants(ctx.boss, tx, {
          organisationId: request.params.orgId,
          appointmentId: request.params.appointmentId,
          staffId: ctx.actor.staffId,
          lockSlot: request.body.lockSlot,
          notify: 'none',
        }),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/orgs/:orgId/locks',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'Lock a provider’s time range (S5)',
        params: OrgParams,
        body: LockBody,
        response: { 201: LockReply, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const lock = await lockTime(staffContext(request, services), request.params.orgId, {
        providerId: body.providerId,
        startsAt: new Date(body.startsAt),
        endsAt: new Date(body.endsAt),
        reason: body.reason,
      });
      return reply.status(201).send({
        id: lock.id,
        providerId: lock.providerId,
        startsAt: lock.startsAt.toISOString(),
        endsAt: lock.endsAt.toISOString(),
        reason: lock.reason,
      });
    },
  );
  app.delete(
    '/orgs/:orgId/locks/:lockId',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'Unlock (S5)',
        params: Type.Object({ orgId: Uuid, lockId: Uuid }),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await unlockTime(staffContext(request, services), request.params.orgId, request.params.lockId);
      return { ok: true as const };
    },
  );

  // The public portal (P1 uses these; S10 holds).
  const Slug = Type.Object({ slug: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }) });
  const findOrganisation = (slug: string) => getOrganisationBySlug(db, slug);
  const portal = ['portal'];

  app.get(
    '/public/organisations/:slug/services',
    {
      config: { access: PUBLIC },
      schema: {
        tags: portal,
        summary: 'Services bookable online',
        params: Slug,
        response: {
          200: Type.Array(
            Type.Object({
              id: Uuid,
              nameFr: Type.String(),
              nameEn: Type.String(),
              durationMinutes: Type.Integer(),
              isVideo: Type.Boolean(),
              capacity: Type.Integer(),
              locationIds: Type.Array(Uuid),
            }),
          ),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const organisation = await findOrganisation(request.params.slug);
      reply.header('cache-control', 'public, max-age=60');
      return listServices(db, organisation.id, { onlineOnly: true });
    },
  );
  app.get(
    '/public/organisations/:slug/services/:serviceId/slots',
    {
      config: { access: PUBLIC, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: portal,
        summary: 'Free times offered to the public (S3, P1): no locks, no past, notice respected',
        description:
          'One entry per start and location; `remaining` adds up the places of every provider free then. ' +
          'Hold one without a provider and any of them is taken.',
        params: Type.Object({ ...Slug.properties, serviceId: Uuid }),
        querystring: SlotQuery,
        response: { 200: Type.Array(PublicSlotReply), ...errors },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(request.params.slug);
      // An unknown service and one not offered online answer alike.
      const service = await loadService(db, organisation.id, request.params.serviceId).catch((error) => {
        if (error instanceof AppError) return undefined;
        throw error;
      });
      if (!service?.bookableOnline || service.archivedAt) throw new AppError('not_found');
      const slots = await searchSlots(db, {
        organisation,
        serviceId: service.id,
        service,
        providerId: request.query.providerId,
        locationId: request.query.locationId,
        fromDate: request.query.from,
        toDate: request.query.to,
        audience: 'public',
      });
      return offeredTimes(slots).map((time) => ({
        startsAt: new Date(time.start).toISOString(),
        endsAt: new Date(time.end).toISOString(),
        locationId: time.locationId,
        remaining: time.remaining,
      }));
    },
  );
  app.post(
    '/public/organisations/:slug/holds',
    {
      config: { access: PUBLIC, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: portal,
        summary: 'Hold a slot while the booking form is filled in (S10)',
        params: Slug,
        body: HoldBody,
        response: { 201: HoldReply, ...errors },
      },
    },
    async (request, reply) => {
      const organisation = await findOrganisation(request.params.slug);
      const hold = await holdSlot(db, {
        organisation,
        ...request.body,
        startsAt: new Date(request.body.startsAt),
        minutes: services.config.holdMinutes,
      });
      return reply.status(201).send(hold);
    },
  );
  app.delete(
    '/public/holds/:token',
    {
      config: { access: PUBLIC },
      schema: {
        tags: portal,
        summary: 'Release a hold (the person went back) (S10)',
        params: Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) }),
        response: { 200: Ok },
      },
    },
    async (request) => {
      await releaseHold(db, request.params.token);
      return { ok: true as const };
    },
  );
}
