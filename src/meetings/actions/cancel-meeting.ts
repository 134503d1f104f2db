// SPEC V5 (seed 003): cancel a video meeting — this one only, or every meeting of its series not yet
// started. The host, or an agent or admin acting for them, may do it. The appointment is cancelled (its time
// is freed, it leaves every invited provider's schedule); invited providers who had not declined and the
// clinic's admins are told per their own settings (N3). Whoever only received the link — the patient
// included — is not told automatically: the answer says so, and the host may tick "also notify the patient"
// when a contact is known. One transaction for the whole series.
import { and, asc, eq, gt, inArray, ne } from 'drizzle-orm';
import { roleIn } from '../../auth/actor.ts';
import type { StaffContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import {
  appointmentHistory,
  appointments,
  meetingInvitations,
  meetings,
  participants,
  staffMemberships,
  users,
} from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import {
  notifyStaff,
  notifyUsers,
  reachableChannels,
  withdrawReminders,
} from '../../notifications/triggers.ts';

export type CancelMeetingInput = { scope: 'this' | 'series'; notifyUser: boolean };

export async function cancelMeeting(
  ctx: StaffContext,
  organisationId: string,
  appointmentId: string,
  input: CancelMeetingInput,
) {
  const role = roleIn(ctx.actor, organisationId);
  if (!role) throw new AppError('not_visible');
  return ctx.db.transaction(async (tx) => {
    const [meeting] = await tx
      .select({ meeting: meetings, appointment: appointments })
      .from(meetings)
      .innerJoin(appointments, eq(appointments.id, meetings.appointmentId))
      .where(and(eq(meetings.appointmentId, appointmentId), eq(meetings.organisationId, organisationId)));
    if (!meeting) throw new AppError('not_found');
    if (role === 'provider' && meeting.appointment.providerId !== ctx.actor.staffId) {
      throw new AppError('forbidden');
    }
    const now = new Date();
    const targets =
      input.scope === 'series' && meeting.meeting.seriesId
        ? await tx
            .select()
            .from(appointments)
            .innerJoin(meetings, eq(meetings.appointmentId, appointments.id))
            .where(
              and(
                eq(meetings.seriesId, meeting.meeting.seriesId),
                eq(appointments.state, 'booked'),
                gt(appointments.startsAt, now),
              ),
            )
            .orderBy(asc(appointments.startsAt))
            .for('update', { of: appointments })
            .then((rows) => rows.map((row) => row.appointments))
        : [meeting.appointment];
    const live = targets.filter((row) => row.state === 'booked' && row.startsAt > now);
    if (!live.length) throw new AppError('appointment_not_active');
    const admins = await tx
      .select({ staffId: staffMemberships.staffId })
      .from(staffMemberships)
      .where(and(eq(staffMemberships.organisationId, organisationId), eq(staffMemberships.role, 'admin')));
    let isPatientNotified = false;
    for (const appointment of live) {
      const result = await cancelOne(
        ctx,
        tx,
        appointment,
        admins.map((a) => a.staffId),
        input.notifyUser,
      );
      isPatientNotified ||= result.isPatientNotified;
    }
    return {
      cancelled: live.map((row) => ({ appointmentId: row.id, startsAt: row.startsAt.toISOString() })),
      isPatientNotified,
    };
  });
}

async function cancelOne(
  ctx: StaffContext,
  tx: Tx,
  appointment: typeof appointments.$inferSelect,
  adminIds: string[],
  notifyUser: boolean,
) {
  await withdrawReminders(ctx.boss, tx, appointment);
  const [cancelled] = await tx
    .update(appointments)
    .set({ state: 'cancelled', cancelledAt: new Date(), sequence: appointment.sequence + 1 })
    .where(eq(appointments.id, appointment.id))
    .returning();
  const people = await tx
    .update(participants)
    .set({ status: 'cancelled', updatedAt: new Date() })
    .where(and(eq(participants.appointmentId, appointment.id), ne(participants.status, 'cancelled')))
    .returning();
  const invited = await tx
    .select({ staffId: meetingInvitations.staffId })
    .from(meetingInvitations)
    .where(
      and(eq(meetingInvitations.appointmentId, appointment.id), ne(meetingInvitations.status, 'declined')),
    );
  const userIds = people.map((p) => p.userId).filter((id): id is string => Boolean(id));
  // Told only on a channel their preferences allow and a contact exists for (N2, N5).
  const reachable =
    notifyUser && userIds.length
      ? (await tx.select().from(users).where(inArray(users.id, userIds))).filter(
          (user) => reachableChannels(user).length > 0,
        )
      : [];
  const isPatientNotified = reachable.length > 0;
  await tx.insert(appointmentHistory).values({
    appointmentId: appointment.id,
    action: 'cancelled',
    actorStaffId: ctx.actor.staffId,
    details: { meeting: true, notify: isPatientNotified ? 'preferences' : 'none', lockSlot: false },
  });
  const told = [...new Set([appointment.providerId, ...invited.map((i) => i.staffId), ...adminIds])].filter(
    (id) => id !== ctx.actor.staffId,
  );
  await notifyStaff(ctx.boss, tx, {
    event: 'appointment_cancelled',
    organisationId: appointment.organisationId,
    appointmentId: appointment.id,
    staffIds: told,
    key: `meeting-cancelled:${appointment.id}`,
  });
  if (isPatientNotified) {
    await notifyUsers(ctx.boss, tx, {
      kind: 'appointment_cancelled',
      appointment: cancelled!,
      userIds: reachable.map((user) => user.id),
      users: reachable,
      key: `cancellation:${appointment.id}:${cancelled!.sequence}`,
    });
  }
  return { isPatientNotified };
}
