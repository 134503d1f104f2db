// SPEC S5: lock or unlock a time range of a provider (the red lock). Locked time is never offered on the
// public portal; staff may still book over it.
import { and, eq, gt, lt } from 'drizzle-orm';
import type { StaffContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { appointmentHistory, appointments, slotLocks } from '../../db/schema.ts';
import { AppError, fieldError } from '../../errors.ts';
import { listProviderIds } from '../calendars.ts';

export async function lockTime(
  ctx: StaffContext,
  organisationId: string,
  input: { providerId: string; startsAt: Date; endsAt: Date; reason?: string | null },
) {
  if (input.endsAt <= input.startsAt) throw fieldError('endsAt', 'period');
  await listProviderIds(ctx.db, organisationId, input.providerId);
  return ctx.db.transaction((tx) => insertLock(tx, { ...input, organisationId, staffId: ctx.actor.staffId }));
}

/** Inserts a lock and writes "slot locked" to the history of appointments it covers (also used by F4). */
export async function insertLock(
  tx: Tx,
  input: {
    organisationId: string;
    providerId: string;
    startsAt: Date;
    endsAt: Date;
    reason?: string | null;
    staffId: string;
    appointmentId?: string;
  },
) {
  const [lock] = await tx
    .insert(slotLocks)
    .values({
      organisationId: input.organisationId,
      providerId: input.providerId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      reason: input.reason ?? null,
      appointmentId: input.appointmentId ?? null,
      createdByStaffId: input.staffId,
    })
    .returning();
  const covered = input.appointmentId
    ? [{ id: input.appointmentId }]
    : await tx
        .select({ id: appointments.id })
        .from(appointments)
        .where(
          and(
            eq(appointments.providerId, input.providerId),
            eq(appointments.organisationId, input.organisationId),
            lt(appointments.startsAt, input.endsAt),
            gt(appointments.endsAt, input.startsAt),
          ),
        );
  if (covered.length) {
    await tx.insert(appointmentHistory).values(
      covered.map((a) => ({
        appointmentId: a.id,
        action: 'slot_locked',
        actorStaffId: input.staffId,
        details: {
          lockId: lock!.id,
          startsAt: input.startsAt.toISOString(),
          endsAt: input.endsAt.toISOString(),
        },
      })),
    );
  }
  return lock!;
}

export async function unlockTime(ctx: StaffContext, organisationId: string, lockId: string) {
  const removed = await ctx.db
    .delete(slotLocks)
    .where(and(eq(slotLocks.id, lockId), eq(slotLocks.organisationId, organisationId)))
    .returning();
  if (!removed.length) throw new AppError('not_found');
}
