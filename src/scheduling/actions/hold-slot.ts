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
import { findMatchingSlot, localDate, searchSlots } from '../slot-search.ts';
import type { Slot } from '../slots.ts';

export type HoldInput = {
  organisation: typeof organisations.$inferSelect;
  serviceId: string;
  /** Omitted: any provider free at that time (the portal's case: it shows times, not providers). */
  providerId?: string;
  locationId?: string | null;
  startsAt: Date;
  minutes: number;
};

/** Providers tried for one "any provider" hold before giving up: in a rush, the rest are likely taken too. */
export const ANY_PROVIDER_ATTEMPTS = 5;

export async function holdSlot(db: Db, input: HoldInput) {
  const service = await loadService(db, input.organisation.id, input.serviceId);
  if (!service.bookableOnline || service.archivedAt) throw new AppError('slot_unavailable');
  const search = {
    organisation: input.organisation,
    serviceId: service.id,
    service,
    locationId: input.locationId ?? undefined,
    audience: 'public' as const,
  };
  let candidates: Slot[];
  if (input.providerId) {
    await listProviderIds(db, input.organisation.id, input.providerId);
    const slot = await findMatchingSlot(db, {
      ...search,
      providerId: input.providerId,
      startsAt: input.startsAt,
    });
    candidates = slot ? [slot] : [];
  } else {
    const date = localDate(input.startsAt, input.organisation.timeZone);
    const slots = await searchSlots(db, { ...search, fromDate: date, toDate: date });
    // In random order: people who pick the same time in a rush land on different providers.
    candidates = shuffle(slots.filter((slot) => slot.start === input.startsAt.getTime())).slice(
      0,
      ANY_PROVIDER_ATTEMPTS,
    );
  }
  if (!candidates.length) throw new AppError('slot_unavailable');
  const token = randomToken();
  const expiresAt = new Date(Date.now() + input.minutes * 60_000);
  for (const [index, slot] of candidates.entries()) {
    try {
      return await db.transaction(async (tx) => {
        const appointment = await occupySlot(tx, {
          organisationId: input.organisation.id,
          service,
          providerId: slot.providerId,
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
        return {
          token,
          expiresAt: expiresAt.toISOString(),
          startsAt: appointment.startsAt.toISOString(),
          providerId: slot.providerId,
          locationId: slot.locationId,
        };
      });
    } catch (error) {
      // Taken meanwhile: the next provider free at that time, if any.
      const isLast = index === candidates.length - 1;
      if (!(error instanceof AppError && error.code === 'slot_unavailable') || isLast) throw error;
    }
  }
  throw new AppError('slot_unavailable');
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
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
