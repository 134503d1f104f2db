// SPEC F2–F5 (seeds 000/001): one batch action on many participant rows — Present, Absent, Not eligible
// (kept or + cancel), Cancel — with the cancellation settings (notify by SMS / email / without notice,
// lock the freed slot). Each appointment is applied in its own savepoint of one batch transaction: a refused
// appointment rolls back alone and never blocks the others, each row reports what happened, and the batch
// pays one commit (issue #6, measured). History entries and notifications are written with the change.
import { and, eq, inArray } from 'drizzle-orm';
import { roleIn } from '../../auth/actor.ts';
import type { StaffContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import {
  appointmentHistory,
  appointments,
  type ParticipantStatus,
  participants,
  users,
} from '../../db/schema.ts';
import { AppError, type ErrorCode } from '../../errors.ts';
import { enqueueNotification } from '../../notifications/enqueue.ts';
import { cancelParticipants } from '../../scheduling/actions/cancel-appointment.ts';

export type BatchAction = 'present' | 'absent' | 'not_eligible' | 'cancel';
export type BatchInput = {
  participantIds: string[];
  action: BatchAction;
  /** F3: for upcoming appointments marked not eligible — keep the appointment, or cancel it too. */
  notEligibleMode?: 'keep' | 'cancel';
  /** F4: how the user is told about a cancellation. */
  notify?: 'sms' | 'email' | 'none';
  /** F4: put a red lock on the freed time. */
  lockSlot?: boolean;
};

export type RowOutcome = {
  participantId: string;
  outcome: 'done' | 'refused';
  status?: ParticipantStatus;
  code?: ErrorCode | 'already_cancelled' | 'channel_unavailable';
};

type Row = {
  participant: typeof participants.$inferSelect;
  appointment: typeof appointments.$inferSelect;
  user: { email: string | null; mobilePhone: string | null };
};

/** F4: which channels may announce a cancellation of this row. */
export function offeredChannels(
  row: { startsAt: Date; email: string | null; mobilePhone: string | null },
  now = new Date(),
) {
  const isUpcoming = row.startsAt.getTime() > now.getTime();
  return { sms: isUpcoming && Boolean(row.mobilePhone), email: isUpcoming && Boolean(row.email) };
}

export async function applyBatch(ctx: StaffContext, organisationId: string, input: BatchInput) {
  const rows = await ctx.db
    .select({
      participant: participants,
      appointment: appointments,
      user: { email: users.email, mobilePhone: users.mobilePhone },
    })
    .from(participants)
    .innerJoin(appointments, eq(appointments.id, participants.appointmentId))
    .innerJoin(users, eq(users.id, participants.userId))
    .where(
      and(inArray(participants.id, input.participantIds), eq(appointments.organisationId, organisationId)),
    );
  // A provider acts on their own appointments only.
  const isProvider = roleIn(ctx.actor, organisationId) === 'provider';
  const allowed = isProvider ? rows.filter((r) => r.appointment.providerId === ctx.actor.staffId) : rows;
  const now = new Date();
  const needsChoice = input.action === 'not_eligible' && allowed.some((r) => r.appointment.startsAt > now);
  if (needsChoice && !input.notEligibleMode) {
    throw new AppError('batch_choice_required', [{ path: 'notEligibleMode', code: 'choice_required' }]);
  }
  const outcomes = new Map<string, RowOutcome>();
  for (const id of input.participantIds)
    outcomes.set(id, { participantId: id, outcome: 'refused', code: 'not_found' });
  for (const row of rows) {
    if (!allowed.includes(row))
      outcomes.set(row.participant.id, {
        participantId: row.participant.id,
        outcome: 'refused',
        code: 'forbidden',
      });
  }
  const byAppointment = new Map<string, Row[]>();
  for (const row of allowed)
    byAppointment.set(row.appointment.id, [...(byAppointment.get(row.appointment.id) ?? []), row]);
  // One transaction with a savepoint per appointment: a refused appointment rolls back alone and never
  // blocks the others, and the batch pays for one commit instead of one per appointment (issue #6).
  // Appointments are locked in id order, so two overlapping batches cannot deadlock.
  const groups = [...byAppointment].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, group]) => group);
  await ctx.db.transaction(async (batch) => {
    for (const group of groups) {
      try {
        const results = await batch.transaction((tx) =>
          applyToAppointment(ctx, tx, organisationId, group, input, now),
        );
        for (const result of results) outcomes.set(result.participantId, result);
      } catch (error) {
        const code = error instanceof AppError ? error.code : 'internal';
        if (code === 'internal') throw error;
        for (const row of group)
          outcomes.set(row.participant.id, { participantId: row.participant.id, outcome: 'refused', code });
      }
    }
  });
  const results = input.participantIds.map((id) => outcomes.get(id)!);
  return {
    done: results.filter((r) => r.outcome === 'done').length,
    refused: results.filter((r) => r.outcome === 'refused').length,
    results,
  };
}

async function applyToAppointment(
  ctx: StaffContext,
  tx: Tx,
  organisationId: string,
  group: Row[],
  input: BatchInput,
  now: Date,
) {
  const [appointment] = await tx
    .select()
    .from(appointments)
    .where(eq(appointments.id, group[0]!.appointment.id))
    .for('update');
  const isUpcoming = appointment!.startsAt > now;
  const results: RowOutcome[] = [];
  const toCancel: Row[] = [];
  for (const row of group) {
    const [current] = await tx
      .select()
      .from(participants)
      .where(eq(participants.id, row.participant.id))
      .for('update');
    if (!current || current.status === 'cancelled') {
      results.push({ participantId: row.participant.id, outcome: 'refused', code: 'already_cancelled' });
      continue;
    }
    const cancels =
      input.action === 'cancel' ||
      (input.action === 'not_eligible' && isUpcoming && input.notEligibleMode === 'cancel');
    const notify = input.notify ?? 'none';
    if (
      cancels &&
      notify !== 'none' &&
      !offeredChannels({ startsAt: appointment!.startsAt, ...row.user }, now)[notify]
    ) {
      results.push({ participantId: current.id, outcome: 'refused', code: 'channel_unavailable' });
      continue;
    }
    if (input.action === 'not_eligible') {
      await tx.insert(appointmentHistory).values({
        appointmentId: appointment!.id,
        participantId: current.id,
        action: 'marked_not_eligible',
        actorStaffId: ctx.actor.staffId,
        details: { userId: current.userId, cancel: cancels, from: current.status },
      });
    }
    if (cancels) {
      toCancel.push(row);
      continue;
    }
    const status: ParticipantStatus =
      input.action === 'not_eligible' ? 'not_eligible' : (input.action as 'present' | 'absent');
    await tx.update(participants).set({ status, updatedAt: now }).where(eq(participants.id, current.id));
    await tx.insert(appointmentHistory).values({
      appointmentId: appointment!.id,
      participantId: current.id,
      action: 'status_changed',
      actorStaffId: ctx.actor.staffId,
      details: { userId: current.userId, from: current.status, to: status },
    });
    results.push({ participantId: current.id, outcome: 'done', status });
  }
  if (toCancel.length) {
    const notify = input.notify ?? 'none';
    await cancelParticipants(ctx.boss, tx, {
      organisationId,
      appointmentId: appointment!.id,
      participantIds: toCancel.map((r) => r.participant.id),
      staffId: ctx.actor.staffId,
      lockSlot: input.lockSlot ?? false,
      notify,
      reason: input.action === 'not_eligible' ? 'not_eligible' : 'cancelled',
    });
    for (const row of toCancel) {
      // N5: nothing for a past appointment or "without notice" (the channel check above refuses past rows).
      if (notify !== 'none') {
        await enqueueNotification(ctx.boss, tx, {
          key: `cancel:${row.participant.id}`,
          kind: 'appointment_cancelled',
          channel: notify,
          organisationId,
          userId: row.participant.userId!,
          appointmentId: appointment!.id,
          values: {},
        });
      }
      results.push({ participantId: row.participant.id, outcome: 'done', status: 'cancelled' });
    }
  }
  return results;
}
