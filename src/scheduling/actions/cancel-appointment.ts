// Cancels participants of an appointment (all of them by default). When no live participant is left the
// appointment itself is cancelled, which frees its time (the exclusion constraint ignores cancelled rows);
// optionally the freed time gets a red lock (F4). History in the same transaction.
import { and, eq, inArray, ne, notInArray } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Tx } from '../../db/client.ts';
import { appointmentHistory, appointments, participants } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { notifyStaff, withdrawReminders } from '../../notifications/triggers.ts';
import { insertLock } from './manage-locks.ts';

export type CancelOptions = {
  participantIds?: string[];
  lockSlot: boolean;
  notify: 'sms' | 'email' | 'none' | 'preferences';
  reason?: 'cancelled' | 'not_eligible';
};

export async function cancelParticipants(
  boss: PgBoss,
  tx: Tx,
  input: {
    organisationId: string;
    appointmentId: string;
    staffId: string | null;
    actorIsUser?: boolean;
  } & CancelOptions,
) {
  const [appointment] = await tx
    .select()
    .from(appointments)
    .where(
      and(eq(appointments.id, input.appointmentId), eq(appointments.organisationId, input.organisationId)),
    )
    .for('update');
  if (appointment?.state !== 'booked') throw new AppError('appointment_not_active');
  const targets = await tx
    .select()
    .from(participants)
    .where(
      and(
        eq(participants.appointmentId, appointment.id),
        notInArray(participants.status, ['cancelled', 'held']),
        input.participantIds ? inArray(participants.id, input.participantIds) : undefined,
      ),
    );
  if (!targets.length) throw new AppError('appointment_not_active');
  await tx
    .update(participants)
    .set({ status: 'cancelled', updatedAt: new Date() })
    .where(
      inArray(
        participants.id,
        targets.map((t) => t.id),
      ),
    );
  const [left] = await tx
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.appointmentId, appointment.id), ne(participants.status, 'cancelled')))
    .limit(1);
  const isFreed = !left;
  if (isFreed) {
    await withdrawReminders(boss, tx, appointment);
    await tx
      .update(appointments)
      .set({ state: 'cancelled', cancelledAt: new Date(), sequence: appointment.sequence + 1 })
      .where(eq(appointments.id, appointment.id));
  }
  await tx.insert(appointmentHistory).values(
    targets.map((participant) => ({
      appointmentId: appointment.id,
      participantId: participant.id,
      action: 'cancelled',
      actorStaffId: input.staffId,
      actorIsUser: input.actorIsUser ?? false,
      details: {
        userId: participant.userId,
        notify: input.notify,
        lockSlot: input.lockSlot,
        reason: input.reason ?? 'cancelled',
      },
    })),
  );
  await notifyStaff(boss, tx, {
    event: 'appointment_cancelled',
    organisationId: input.organisationId,
    appointmentId: appointment.id,
    staffIds: [appointment.providerId],
    key: `cancelled:${targets.map((t) => t.id).join(',')}`,
  });
  if (input.lockSlot && isFreed && input.staffId) {
    await insertLock(tx, {
      organisationId: input.organisationId,
      providerId: appointment.providerId,
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      reason: 'freed_by_cancellation',
      staffId: input.staffId,
      appointmentId: appointment.id,
    });
  }
  return { appointment, cancelled: targets, isFreed };
}
