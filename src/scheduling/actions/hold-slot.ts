// SPEC S10: a slot picked on the public portal is held for a few minutes while the person fills in the
// form. A hold is a live row under the same no-overlap constraint as bookings (an individual appointment
// in state `held`, or a held place in a group session). It becomes the appointment on confirmation, is
// released when the person goes back, and once expired blocks nobody (occupySlot deletes it first).
import { and, eq, ne, or, sql } from 'drizzle-orm';
import { hashToken, randomToken } from '../../auth/sessions.ts';
import type { Db, Tx } from '../../db/client.ts';
import { appointmentHistory, appointments, type organisations, participants } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { listProviderIds, loadService } from '../calendars.ts';
import { occupySlot } from '../occupy.ts';
import { findMatchingSlot } from '../slot-search.ts';

export type HoldInput = {
  organisation: typeof organisations.$inferSelect;
  serviceId: string;
  providerId: string;
  locationId?: string | null;
  startsAt: Date;
  minutes: number;
};

export async function holdSlot(db: Db, input: HoldInput) {
  const service = await loadService(db, input.organisation.id, input.serviceId);
  if (!service.bookableOnline || service.archivedAt) throw new AppError('slot_unavailable');
  await listProviderIds(db, input.organisation.id, input.providerId);
  const slot = await findMatchingSlot(db, {
    organisation: input.organisation,
    serviceId: service.id,
    providerId: input.providerId,
    locationId: input.locationId ?? undefined,
    startsAt: input.startsAt,
    audience: 'public',
  });
  if (!slot) throw new AppError('slot_unavailable');
  const token = randomToken();
  const expiresAt = new Date(Date.now() + input.minutes * 60_000);
  return db.transaction(async (tx) => {
    const appointment = await occupySlot(tx, {
      organisationId: input.organisation.id,
      service,
      providerId: input.providerId,
      locationId: slot.locationId,
      startsAt: input.startsAt,
      state: 'held',
      holdExpiresAt: expiresAt,
      holdTokenHash: hashToken(token),
      source: 'portal',
      places: 1,
    });
    if (service.capacity > 1) {
      await tx.insert(participants).values({
        appointmentId: appointment.id,
        userId: null,
        status: 'held',
        holdExpiresAt: expiresAt,
        holdTokenHash: hashToken(token),
      });
    }
    return { token, expiresAt: expiresAt.toISOString(), startsAt: appointment.startsAt.toISOString() };
  });
}

/** Releases a hold (the person went back). Unknown or already gone: nothing to do. */
export async function releaseHold(db: Db, token: string) {
  const tokenHash = hashToken(token);
  await db.transaction(async (tx) => {
    await tx
      .delete(participants)
      .where(and(eq(participants.holdTokenHash, tokenHash), eq(participants.status, 'held')));
    await tx
      .delete(appointments)
      .where(and(eq(appointments.holdTokenHash, tokenHash), eq(appointments.state, 'held')));
  });
}

/**
 * Turns a hold into a booking for a user record, inside the caller's transaction. A hold whose row still
 * exists is still ours (an expired one is only ever removed by someone taking its time); a group place is
 * recounted so an expired hold cannot overfill the session.
 */
export async function confirmHold(tx: Tx, input: { token: string; userId: string }) {
  const tokenHash = hashToken(input.token);
  const [individual] = await tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.holdTokenHash, tokenHash), eq(appointments.state, 'held')))
    .for('update');
  if (individual) {
    const [booked] = await tx
      .update(appointments)
      .set({ state: 'booked', holdExpiresAt: null, holdTokenHash: null })
      .where(eq(appointments.id, individual.id))
      .returning();
    const [participant] = await tx
      .insert(participants)
      .values({ appointmentId: booked!.id, userId: input.userId, status: 'scheduled' })
      .returning();
    return { appointment: booked!, participant: participant! };
  }
  const [held] = await tx
    .select()
    .from(participants)
    .where(and(eq(participants.holdTokenHash, tokenHash), eq(participants.status, 'held')))
    .for('update');
  if (!held) throw new AppError('hold_invalid');
  const [session] = await tx
    .select()
    .from(appointments)
    .where(eq(appointments.id, held.appointmentId))
    .for('update');
  const [others] = await tx
    .select({ taken: sql<number>`count(*)::int` })
    .from(participants)
    .where(
      and(
        eq(participants.appointmentId, session!.id),
        ne(participants.id, held.id),
        or(ne(participants.status, 'held'), sql`${participants.holdExpiresAt} > now()`),
        ne(participants.status, 'cancelled'),
      ),
    );
  if (Number(others!.taken) + 1 > session!.capacity) throw new AppError('slot_unavailable');
  const [participant] = await tx
    .update(participants)
    .set({
      userId: input.userId,
      status: 'scheduled',
      holdExpiresAt: null,
      holdTokenHash: null,
      updatedAt: new Date(),
    })
    .where(eq(participants.id, held.id))
    .returning();
  return { appointment: session!, participant: participant! };
}

/** History entry for a booking made from a hold (the portal writes it after confirming). */
export async function recordPortalBooking(
  tx: Tx,
  appointmentId: string,
  participantId: string,
  userId: string,
) {
  await tx.insert(appointmentHistory).values({
    appointmentId,
    participantId,
    action: 'created',
    actorIsUser: true,
    details: { userId, source: 'portal' },
  });
}
