// What causes messages, in the caller's transaction (N4): user messages per preference and contact (N2,
// N5), reminders scheduled at booking/move time and withdrawn on move/cancel, staff messages per their
// settings (N3). Everything here only enqueues; the worker renders and delivers.
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { type DrizzleTransactionLike, fromDrizzle, type PgBoss } from 'pg-boss';
import type { DbOrTx } from '../db/client.ts';
import { type appointments, organisations, participants, type StaffEvent, users } from '../db/schema.ts';
import { enqueue, enqueueMany } from '../jobs/boss.ts';
import {
  type Channel,
  enqueueNotifications,
  type NotificationKind,
  type NotificationRequest,
} from './enqueue.ts';
import { plannedReminders } from './reminders.ts';

type Appointment = typeof appointments.$inferSelect;

/** The channels a user can be reached on: preference on and contact known. */
export function reachableChannels(user: {
  email: string | null;
  mobilePhone: string | null;
  notifyByEmail: boolean;
  notifyBySms: boolean;
}): Channel[] {
  const channels: Channel[] = [];
  if (user.email && user.notifyByEmail) channels.push('email');
  if (user.mobilePhone && user.notifyBySms) channels.push('sms');
  return channels;
}

export async function notifyUsers(
  boss: PgBoss,
  tx: DbOrTx,
  input: {
    kind: NotificationKind;
    appointment: Appointment;
    userIds: string[];
    key: string;
    channels?: Channel[];
    /** The users' rows when the caller has them already (a booking has just locked them). */
    users?: (typeof users.$inferSelect)[];
  },
) {
  if (!input.userIds.length || input.appointment.startsAt.getTime() <= Date.now()) return;
  const rows = input.users ?? (await tx.select().from(users).where(inArray(users.id, input.userIds)));
  const requests: NotificationRequest[] = [];
  for (const user of rows) {
    if (!input.userIds.includes(user.id)) continue;
    for (const channel of reachableChannels(user)) {
      if (input.channels && !input.channels.includes(channel)) continue;
      requests.push({
        key: `${input.key}:${user.id}`,
        kind: input.kind,
        channel,
        organisationId: input.appointment.organisationId,
        userId: user.id,
        appointmentId: input.appointment.id,
        values: {},
      });
    }
  }
  await enqueueNotifications(boss, tx, requests);
}

const reminderKey = (appointment: Pick<Appointment, 'id' | 'sequence'>, index: number) =>
  `reminder:${appointment.id}:${appointment.sequence}:${index}`;

/** Schedules the organisation's reminders of an appointment (those still ahead). */
export async function scheduleReminders(
  boss: PgBoss,
  tx: DbOrTx,
  appointment: Appointment,
  /** The appointment's organisation when the caller has it already. */
  known?: Pick<typeof organisations.$inferSelect, 'reminderRules' | 'timeZone'>,
) {
  const organisation =
    known ??
    (await tx.select().from(organisations).where(eq(organisations.id, appointment.organisationId)))[0]!;
  await enqueueMany(
    boss,
    tx,
    'notifications.reminder',
    plannedReminders(appointment.startsAt, organisation.reminderRules, organisation.timeZone).map(
      (planned) => ({
        data: { appointmentId: appointment.id, sequence: appointment.sequence, ruleIndex: planned.index },
        options: { startAfter: planned.at, singletonKey: reminderKey(appointment, planned.index) },
      }),
    ),
  );
}

/** Withdraws the pending reminders of an appointment as it was (before a move or a cancellation). */
export async function withdrawReminders(boss: PgBoss, tx: DbOrTx, appointment: Appointment) {
  const db = fromDrizzle(tx as unknown as DrizzleTransactionLike, sql);
  const [organisation] = await tx
    .select()
    .from(organisations)
    .where(eq(organisations.id, appointment.organisationId));
  for (let index = 0; index < organisation!.reminderRules.length; index++) {
    const jobs = await boss.findJobs('notifications.reminder', {
      key: reminderKey(appointment, index),
      queued: true,
      db,
    });
    if (jobs.length)
      await boss.cancel(
        'notifications.reminder',
        jobs.map((job) => job.id),
        { db },
      );
  }
}

/** Live participants of an appointment (for reminders and move messages). */
export async function liveUserIds(tx: DbOrTx, appointmentId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: participants.userId })
    .from(participants)
    .where(
      and(
        eq(participants.appointmentId, appointmentId),
        notInArray(participants.status, ['cancelled', 'held']),
      ),
    );
  return rows.map((r) => r.userId).filter((id): id is string => Boolean(id));
}

/** N3: tells staff about an event, per their own settings (checked by the worker). */
export async function notifyStaff(
  boss: PgBoss,
  tx: DbOrTx,
  input: {
    event: StaffEvent;
    organisationId: string;
    appointmentId: string;
    staffIds: string[];
    key: string;
    actorStaffId?: string;
  },
) {
  for (const staffId of input.staffIds) {
    await enqueue(boss, tx, 'notifications.staff', {
      event: input.event,
      organisationId: input.organisationId,
      appointmentId: input.appointmentId,
      staffId,
      key: `${input.key}:${staffId}`,
      ...(input.actorStaffId ? { actorStaffId: input.actorStaffId } : {}),
    });
  }
}
