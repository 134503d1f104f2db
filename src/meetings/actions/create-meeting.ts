// SPEC V1/V2/V4: create a video meeting — or a recurring series of them — for a host provider, with invited
// providers and optionally a patient. A provider hosts their own meetings; an agent or admin may create
// them on a host's behalf. Each occurrence is an appointment of the host under the no-overlap constraint, so
// a meeting can never be put over a booking (the whole series is refused, naming the occurrence). One
// transaction: series, appointments, meeting rows (link, ID, passcode), invitations, patient, history, and
// the messages to the invited providers (and to the host, when someone else booked it) per their settings.
import { randomInt } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { roleIn } from '../../auth/actor.ts';
import type { StaffContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import {
  appointmentHistory,
  appointments,
  meetingInvitations,
  meetingSeries,
  meetings,
  participants,
  services,
  staffMemberships,
} from '../../db/schema.ts';
import { AppError, fieldError } from '../../errors.ts';
import { formatWhen } from '../../notifications/deliver.ts';
import { notifyStaff } from '../../notifications/triggers.ts';
import { clearExpiredHolds, isExclusionViolation } from '../../scheduling/occupy.ts';
import { loadScope, loadVisibleUser } from '../../users/visibility.ts';
import { expandOccurrences, type Recurrence } from '../recurrence.ts';

export type CreateMeetingInput = {
  hostId: string;
  serviceId: string;
  startsAt: Date;
  minutes: number;
  title?: string;
  invitedStaffIds: string[];
  userId?: string;
  recurrence?: Recurrence;
};

const MAX_INVITED = 20;

/** "4830192765": ten digits, the first never 0 (read aloud and typed on a phone). */
const newMeetingCode = () => `${randomInt(1, 10)}${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
const newPasscode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

async function checkPeople(ctx: StaffContext, organisationId: string, input: CreateMeetingInput) {
  const role = roleIn(ctx.actor, organisationId);
  if (!role) throw new AppError('not_visible');
  if (role === 'provider' && input.hostId !== ctx.actor.staffId) throw new AppError('forbidden');
  const invited = [...new Set(input.invitedStaffIds)];
  if (invited.length > MAX_INVITED) throw fieldError('invitedStaffIds', 'maximum', { limit: MAX_INVITED });
  if (invited.includes(input.hostId)) throw fieldError('invitedStaffIds', 'invalid');
  const providers = await ctx.db
    .select({ staffId: staffMemberships.staffId })
    .from(staffMemberships)
    .where(
      and(
        eq(staffMemberships.organisationId, organisationId),
        eq(staffMemberships.role, 'provider'),
        inArray(staffMemberships.staffId, [input.hostId, ...invited]),
      ),
    );
  const known = new Set(providers.map((row) => row.staffId));
  if (!known.has(input.hostId)) throw fieldError('hostId', 'not_a_provider');
  if (invited.some((id) => !known.has(id))) throw fieldError('invitedStaffIds', 'not_a_provider');
  return invited;
}

async function loadVideoService(ctx: StaffContext, organisationId: string, serviceId: string) {
  const [service] = await ctx.db
    .select()
    .from(services)
    .where(
      and(
        eq(services.id, serviceId),
        eq(services.organisationId, organisationId),
        isNull(services.archivedAt),
      ),
    );
  if (!service) throw fieldError('serviceId', 'unknown');
  if (!service.isVideo) throw fieldError('serviceId', 'not_video');
  return service;
}

export async function createMeeting(ctx: StaffContext, organisationId: string, input: CreateMeetingInput) {
  const invited = await checkPeople(ctx, organisationId, input);
  const service = await loadVideoService(ctx, organisationId, input.serviceId);
  const scope = await loadScope(ctx.db, organisationId);
  if (input.minutes < 5 || input.minutes > 480) throw fieldError('minutes', 'invalid');
  if (input.startsAt.getTime() < Date.now() - 60_000) throw fieldError('startsAt', 'in_past');
  const starts = expandOccurrences(input.startsAt, input.recurrence, scope.organisation.timeZone);
  return ctx.db.transaction(async (tx) => {
    if (input.userId) await loadVisibleUser(tx, scope, input.userId, { lock: true });
    const [series] = input.recurrence
      ? await tx
          .insert(meetingSeries)
          .values({
            organisationId,
            frequency: input.recurrence.frequency,
            count: input.recurrence.count ?? null,
            untilDate: input.recurrence.untilDate ?? null,
            createdByStaffId: ctx.actor.staffId,
          })
          .returning()
      : [undefined];
    const ids: string[] = [];
    for (const [index, startsAt] of starts.entries()) {
      const appointmentId = await insertOccurrence(tx, {
        organisationId,
        serviceId: service.id,
        hostId: input.hostId,
        startsAt,
        minutes: input.minutes,
        staffId: ctx.actor.staffId,
        index,
        when: formatWhen(startsAt, ctx.language, scope.organisation.timeZone),
      });
      await tx.insert(meetings).values({
        appointmentId,
        organisationId,
        seriesId: series?.id ?? null,
        title: input.title?.trim() || null,
        ...(await uniqueCode(tx, ctx.config.videoUrlTemplate)),
      });
      if (invited.length)
        await tx.insert(meetingInvitations).values(invited.map((staffId) => ({ appointmentId, staffId })));
      if (input.userId)
        await tx.insert(participants).values({ appointmentId, userId: input.userId, status: 'scheduled' });
      await tx.insert(appointmentHistory).values({
        appointmentId,
        action: 'created',
        actorStaffId: ctx.actor.staffId,
        details: {
          meeting: true,
          hostId: input.hostId,
          invitedStaffIds: invited,
          seriesId: series?.id ?? null,
        },
      });
      ids.push(appointmentId);
    }
    // One message per person for the whole series: the first occurrence stands for it.
    await notifyStaff(ctx.boss, tx, {
      event: 'invited_to_meeting',
      organisationId,
      appointmentId: ids[0]!,
      staffIds: invited,
      key: `meeting-invited:${ids[0]}`,
    });
    if (input.hostId !== ctx.actor.staffId) {
      await notifyStaff(ctx.boss, tx, {
        event: 'appointment_created',
        organisationId,
        appointmentId: ids[0]!,
        staffIds: [input.hostId],
        key: `meeting-created:${ids[0]}`,
      });
    }
    return { appointmentIds: ids, seriesId: series?.id ?? null };
  });
}

async function insertOccurrence(
  tx: Tx,
  input: {
    organisationId: string;
    serviceId: string;
    hostId: string;
    startsAt: Date;
    minutes: number;
    staffId: string;
    index: number;
    /** The occurrence in words, for the refusal's message. */
    when: string;
  },
): Promise<string> {
  const endsAt = new Date(input.startsAt.getTime() + input.minutes * 60_000);
  await clearExpiredHolds(tx, input.hostId, input.startsAt, endsAt);
  try {
    const [row] = await tx.transaction((savepoint) =>
      savepoint
        .insert(appointments)
        .values({
          organisationId: input.organisationId,
          serviceId: input.serviceId,
          providerId: input.hostId,
          locationId: null,
          startsAt: input.startsAt,
          endsAt,
          busyStartsAt: input.startsAt,
          busyEndsAt: endsAt,
          state: 'booked',
          capacity: 1,
          source: 'staff',
          createdByStaffId: input.staffId,
        })
        .returning({ id: appointments.id }),
    );
    return row!.id;
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    // The host is busy then: name the occurrence, so a series says which date collides.
    throw new AppError('slot_unavailable', [
      {
        path: input.index === 0 ? 'startsAt' : `occurrences.${input.index}`,
        code: 'host_busy',
        params: { startsAt: input.when },
      },
    ]);
  }
}

/** A meeting ID no other meeting has (ten random digits: a collision is rare, but checked). */
async function uniqueCode(tx: Tx, template: string) {
  for (;;) {
    const meetingCode = newMeetingCode();
    const [taken] = await tx
      .select({ id: meetings.appointmentId })
      .from(meetings)
      .where(eq(meetings.meetingCode, meetingCode));
    if (!taken) {
      return { meetingCode, passcode: newPasscode(), joinUrl: template.replaceAll('{code}', meetingCode) };
    }
  }
}
