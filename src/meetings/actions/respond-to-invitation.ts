// SPEC V3: an invited provider accepts or declines a meeting (this one, or every upcoming one of its series
// they are invited to). A decline takes it off their schedule and tells the host per the host's settings
// (N3 "an invitee declined"); they may change their mind while the meeting is ahead.
import { and, eq, gt, inArray } from 'drizzle-orm';
import type { StaffContext } from '../../context.ts';
import { appointmentHistory, appointments, meetingInvitations, meetings } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { notifyStaff } from '../../notifications/triggers.ts';

export type InvitationAnswer = { response: 'accepted' | 'declined'; scope: 'this' | 'series' };

export async function respondToInvitation(
  ctx: StaffContext,
  organisationId: string,
  appointmentId: string,
  input: InvitationAnswer,
) {
  const staffId = ctx.actor.staffId;
  if (!ctx.actor.roles.has(organisationId)) throw new AppError('not_visible');
  return ctx.db.transaction(async (tx) => {
    const [meeting] = await tx
      .select({ meeting: meetings, appointment: appointments, invitation: meetingInvitations })
      .from(meetings)
      .innerJoin(appointments, eq(appointments.id, meetings.appointmentId))
      .innerJoin(
        meetingInvitations,
        and(
          eq(meetingInvitations.appointmentId, meetings.appointmentId),
          eq(meetingInvitations.staffId, staffId),
        ),
      )
      .where(and(eq(meetings.appointmentId, appointmentId), eq(meetings.organisationId, organisationId)));
    // Someone not invited learns nothing about the meeting.
    if (!meeting) throw new AppError('not_found');
    const now = new Date();
    const seriesIds =
      input.scope === 'series' && meeting.meeting.seriesId
        ? await tx
            .select({ id: meetings.appointmentId })
            .from(meetings)
            .innerJoin(appointments, eq(appointments.id, meetings.appointmentId))
            .where(
              and(
                eq(meetings.seriesId, meeting.meeting.seriesId),
                eq(appointments.state, 'booked'),
                gt(appointments.startsAt, now),
              ),
            )
        : [];
    const ids = seriesIds.length ? seriesIds.map((row) => row.id) : [appointmentId];
    if (
      meeting.appointment.state !== 'booked' ||
      (!seriesIds.length && meeting.appointment.startsAt <= now)
    ) {
      throw new AppError('appointment_not_active');
    }
    const changed = await tx
      .update(meetingInvitations)
      .set({ status: input.response, respondedAt: now })
      .where(and(inArray(meetingInvitations.appointmentId, ids), eq(meetingInvitations.staffId, staffId)))
      .returning({ appointmentId: meetingInvitations.appointmentId });
    await tx.insert(appointmentHistory).values(
      changed.map((row) => ({
        appointmentId: row.appointmentId,
        action: input.response === 'declined' ? 'invitation_declined' : 'invitation_accepted',
        actorStaffId: staffId,
        details: { staffId },
      })),
    );
    if (input.response === 'declined' && meeting.invitation.status !== 'declined') {
      await notifyStaff(ctx.boss, tx, {
        event: 'invitee_declined',
        organisationId,
        appointmentId,
        staffIds: [meeting.appointment.providerId],
        actorStaffId: staffId,
        key: `meeting-declined:${appointmentId}:${staffId}:${now.getTime()}`,
      });
    }
    return { status: input.response, appointmentIds: changed.map((row) => row.appointmentId) };
  });
}
