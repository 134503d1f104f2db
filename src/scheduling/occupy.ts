// The one place where a provider's time is taken: inserts the appointment row under the exclusion
// constraint (or joins a group session with room left). Expired holds on that time are removed first, in
// the same transaction, so they never block anyone (S10). Losing a race becomes `slot_unavailable` (S4).
import { and, eq, lt, sql } from 'drizzle-orm';
import { sqlStateOf, type Tx } from '../db/client.ts';
import { appointments, participants } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { ServiceRow } from './calendars.ts';

export type OccupyInput = {
  organisationId: string;
  service: ServiceRow & { locationIds: string[] };
  providerId: string;
  locationId: string | null;
  startsAt: Date;
  state: 'held' | 'booked';
  holdExpiresAt?: Date;
  holdTokenHash?: string;
  source: 'staff' | 'portal' | 'api';
  createdByStaffId?: string;
  /** Places wanted in a group session. */
  places: number;
};

type AppointmentRow = typeof appointments.$inferSelect & { isNew: boolean };

export function isExclusionViolation(error: unknown): boolean {
  return sqlStateOf(error) === '23P01';
}

export function busyWindow(service: ServiceRow, startsAt: Date) {
  return {
    endsAt: new Date(startsAt.getTime() + service.durationMinutes * 60_000),
    busyStartsAt: new Date(startsAt.getTime() - service.bufferBeforeMinutes * 60_000),
    busyEndsAt: new Date(
      startsAt.getTime() + (service.durationMinutes + service.bufferAfterMinutes) * 60_000,
    ),
  };
}

/** Deletes expired holds of a provider overlapping a busy window (same transaction as the booking). */
export async function clearExpiredHolds(tx: Tx, providerId: string, busyStartsAt: Date, busyEndsAt: Date) {
  await tx
    .delete(appointments)
    .where(
      and(
        eq(appointments.providerId, providerId),
        eq(appointments.state, 'held'),
        lt(appointments.holdExpiresAt, sql`now()`),
        sql`tstzrange(${appointments.busyStartsAt}, ${appointments.busyEndsAt}, '[)') && tstzrange(${busyStartsAt}::timestamptz, ${busyEndsAt}::timestamptz, '[)')`,
      ),
    );
}

/** Returns the appointment row the places belong to (new, or an existing group session). */
export async function occupySlot(tx: Tx, input: OccupyInput): Promise<AppointmentRow> {
  const { service } = input;
  const window = busyWindow(service, input.startsAt);
  await clearExpiredHolds(tx, input.providerId, window.busyStartsAt, window.busyEndsAt);
  if (input.places > service.capacity) throw new AppError('slot_unavailable');
  const joined = await joinGroupSession(tx, input);
  if (joined) return joined;
  try {
    // A savepoint: on PostgreSQL a failed statement would otherwise poison the whole transaction.
    const [created] = await tx.transaction(async (savepoint) =>
      savepoint
        .insert(appointments)
        .values({
          organisationId: input.organisationId,
          serviceId: service.id,
          providerId: input.providerId,
          locationId: input.locationId,
          startsAt: input.startsAt,
          ...window,
          // A group place held on the portal lives on the participant; the session itself is booked.
          state: service.capacity > 1 ? 'booked' : input.state,
          capacity: service.capacity,
          holdExpiresAt: service.capacity > 1 ? null : (input.holdExpiresAt ?? null),
          holdTokenHash: service.capacity > 1 ? null : (input.holdTokenHash ?? null),
          source: input.source,
          createdByStaffId: input.createdByStaffId ?? null,
        })
        .returning(),
    );
    return { ...created!, isNew: true };
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    // Another booker created the same group session a moment ago: join it if there is room.
    const raced = await joinGroupSession(tx, input);
    if (raced) return raced;
    throw new AppError('slot_unavailable');
  }
}

async function joinGroupSession(tx: Tx, input: OccupyInput): Promise<AppointmentRow | undefined> {
  if (input.service.capacity <= 1) return undefined;
  const [session] = await tx
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.providerId, input.providerId),
        eq(appointments.serviceId, input.service.id),
        eq(appointments.startsAt, input.startsAt),
        eq(appointments.state, 'booked'),
      ),
    )
    .for('update');
  if (!session) return undefined;
  const [row] = await tx
    .select({ taken: sql<number>`count(*)::int` })
    .from(participants)
    .where(
      and(
        eq(participants.appointmentId, session.id),
        sql`${participants.status} <> 'cancelled' and (${participants.status} <> 'held' or ${participants.holdExpiresAt} > now())`,
      ),
    );
  if (Number(row!.taken) + input.places > session.capacity) throw new AppError('slot_unavailable');
  return { ...session, isNew: false };
}
