// N2: what a batch of due reminder jobs sends. A reminder still applies when its appointment is booked,
// has not moved since (same sequence) and has not started; it goes to each live participant on each
// channel they can be reached on. One query per kind of record, whatever the batch size (issue #7).
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { appointments, participants, users } from '../db/schema.ts';
import type { JobPayloads } from '../jobs/names.ts';
import type { NotificationRequest } from './enqueue.ts';
import { reachableChannels } from './triggers.ts';

type ReminderJob = JobPayloads['notifications.reminder'];

/** The messages of each job (by its index in `jobs`); a job whose reminder no longer applies has none. */
export async function dueReminders(
  db: DbOrTx,
  jobs: ReminderJob[],
  now = new Date(),
): Promise<{ jobIndex: number; request: NotificationRequest }[]> {
  const ids = [...new Set(jobs.map((job) => job.appointmentId))];
  if (!ids.length) return [];
  const rows = await db.select().from(appointments).where(inArray(appointments.id, ids));
  const live = new Map(
    rows.filter((a) => a.state === 'booked' && a.startsAt.getTime() > now.getTime()).map((a) => [a.id, a]),
  );
  if (!live.size) return [];
  const people = await db
    .select({ appointmentId: participants.appointmentId, user: users })
    .from(participants)
    .innerJoin(users, eq(users.id, participants.userId))
    .where(
      and(
        inArray(participants.appointmentId, [...live.keys()]),
        notInArray(participants.status, ['cancelled', 'held']),
      ),
    );
  const peopleOf = new Map<string, (typeof people)[number][]>();
  for (const person of people) {
    const list = peopleOf.get(person.appointmentId);
    if (list) list.push(person);
    else peopleOf.set(person.appointmentId, [person]);
  }
  const planned: { jobIndex: number; request: NotificationRequest }[] = [];
  jobs.forEach((job, jobIndex) => {
    const appointment = live.get(job.appointmentId);
    // Moved since (new sequence) or no longer live: this reminder does not apply any more.
    if (!appointment || appointment.sequence !== job.sequence) return;
    for (const { user } of peopleOf.get(appointment.id) ?? []) {
      for (const channel of reachableChannels(user)) {
        planned.push({
          jobIndex,
          request: {
            key: `reminder:${appointment.id}:${appointment.sequence}:${job.ruleIndex}:${user.id}`,
            kind: 'appointment_reminder',
            channel,
            organisationId: appointment.organisationId,
            userId: user.id,
            appointmentId: appointment.id,
            values: {},
          },
        });
      }
    }
  });
  return planned;
}
