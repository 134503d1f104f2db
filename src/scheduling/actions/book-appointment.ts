// SPEC S4/S11: staff book an appointment for one or more user records. The start must match a slot the
// staff may book (opening hours, locks allowed) unless they choose to book outside opening hours; the
// database forbids overlaps either way. One transaction: appointment, participants, history.
import { and, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { StaffContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { appointmentHistory, appointments, participants, users } from '../../db/schema.ts';
import { AppError, fieldError } from '../../errors.ts';
import { liveUserIds, notifyStaff, notifyUsers, scheduleReminders } from '../../notifications/triggers.ts';
import { loadVisibleUser } from '../../users/visibility.ts';
import { loadBookingContext, type ServiceRow } from '../calendars.ts';
import { occupySlot } from '../occupy.ts';
import { findMatchingSlot } from '../slot-search.ts';

export type StaffBookingInput = {
  serviceId: string;
  providerId: string;
  locationId?: string | null;
  startsAt: Date;
  userIds: string[];
  outsideOpeningHours?: boolean;
};

export async function bookAppointment(ctx: StaffContext, organisationId: string, input: StaffBookingInput) {
  const { scope, service, isBusy } = await loadBookingContext(ctx.db, {
    organisationId,
    serviceId: input.serviceId,
    providerId: input.providerId,
    startsAt: input.startsAt,
  });
  if (input.startsAt.getTime() < Date.now() - 60_000) throw fieldError('startsAt', 'in_past');
  if (!input.outsideOpeningHours) {
    // In a rush most attempts target time that was just taken: those are refused by the checks' own
    // round trip, before the day's slots are computed (a group session may still have room).
    if (isBusy) throw new AppError('slot_unavailable', [{ path: 'startsAt', code: 'not_a_free_slot' }]);
    const slot = await findMatchingSlot(ctx.db, {
      organisation: scope.organisation,
      serviceId: service.id,
      service,
      // Taken time is the exclusion constraint's to refuse (checked above already), and staff may book
      // over a lock: the slot only has to lie in the provider's opening hours.
      withOccupancy: false,
      providerId: input.providerId,
      locationId: input.locationId ?? undefined,
      startsAt: input.startsAt,
      audience: 'staff',
    });
    if (!slot) throw new AppError('slot_unavailable', [{ path: 'startsAt', code: 'not_a_free_slot' }]);
    input.locationId ??= slot.locationId;
  }
  return ctx.db.transaction(async (tx) => {
    const people = [];
    for (const userId of [...input.userIds].sort())
      people.push(await loadVisibleUser(tx, scope, userId, { lock: true }));
    await assertOneUpcomingPerUser(tx, service, input.userIds);
    const appointment = await occupySlot(tx, {
      organisationId,
      service,
      providerId: input.providerId,
      locationId: input.locationId ?? null,
      startsAt: input.startsAt,
      state: 'booked',
      source: 'staff',
      createdByStaffId: ctx.actor.staffId,
      places: input.userIds.length,
    });
    const added = await tx
      .insert(participants)
      .values(
        input.userIds.map((userId) => ({
          appointmentId: appointment.id,
          userId,
          status: 'scheduled' as const,
        })),
      )
      .onConflictDoNothing()
      .returning();
    if (added.length !== input.userIds.length)
      throw new AppError('conflict', [{ path: 'userIds', code: 'already_booked' }]);
    await tx.insert(appointmentHistory).values(
      added.map((participant) => ({
        appointmentId: appointment.id,
        participantId: participant.id,
        action: 'created',
        actorStaffId: ctx.actor.staffId,
        details: {
          startsAt: appointment.startsAt.toISOString(),
          userId: participant.userId,
          source: 'staff',
        },
      })),
    );
    await notifyUsers(ctx.boss, tx, {
      kind: 'appointment_confirmation',
      appointment,
      userIds: input.userIds,
      key: `confirmation:${appointment.id}:${appointment.sequence}`,
      users: people,
    });
    // Reminders belong to the appointment: scheduled once, when it gets its first participants (a group
    // session may have lost all of its earlier ones).
    if (appointment.isNew || (await liveUserIds(tx, appointment.id)).length === added.length)
      await scheduleReminders(ctx.boss, tx, appointment, scope.organisation);
    await notifyStaff(ctx.boss, tx, {
      event: 'appointment_created',
      organisationId,
      appointmentId: appointment.id,
      staffIds: [appointment.providerId],
      key: `created:${added.map((p) => p.id).join(',')}`,
    });
    return { appointment, participants: added };
  });
}

/**
 * S11: with the service option on, a person may hold one upcoming appointment of it. The user rows are
 * locked (FOR UPDATE, by the caller) so two concurrent bookings for one person are serialised.
 */
export async function assertOneUpcomingPerUser(tx: Tx, service: ServiceRow, userIds: string[]) {
  if (!service.oneUpcomingPerUser || !userIds.length) return;
  const [existing] = await tx
    .select({ appointmentId: appointments.id, startsAt: appointments.startsAt, userId: participants.userId })
    .from(participants)
    .innerJoin(appointments, eq(appointments.id, participants.appointmentId))
    .where(
      and(
        inArray(participants.userId, userIds),
        eq(appointments.serviceId, service.id),
        ne(appointments.state, 'cancelled'),
        inArray(participants.status, ['scheduled', 'held']),
        gt(appointments.startsAt, sql`now()`),
      ),
    )
    .limit(1);
  if (existing) {
    throw new AppError(
      'one_upcoming_per_user',
      [{ path: 'userIds', code: 'one_upcoming_per_user' }],
      {},
      {
        appointmentId: existing.appointmentId,
        startsAt: existing.startsAt.toISOString(),
        userId: existing.userId,
      },
    );
  }
}

/** Locks user rows in id order (deadlock-free) — used where no visibility check applies (the portal). */
export async function lockUsers(tx: Tx, userIds: string[]) {
  for (const id of [...userIds].sort())
    await tx.select({ id: users.id }).from(users).where(eq(users.id, id)).for('update');
}
