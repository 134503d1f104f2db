// What the booking rushes leave behind: the checks they must pass (no provider double-booked, one participant
// per booked appointment) and the clean-up that lets the next run start from the seeded clinic again.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';

export type BookingCheck = {
  /** Participants of booked appointments (one per booking when all is well). */
  booked: number;
  /** Booked appointments. */
  appointments: number;
  /** Holds still live or expired but not yet taken over (they occupy time like bookings). */
  held: number;
  /** Booked appointments without exactly one participant row (must be none). */
  withoutOneParticipant: number;
  /** Pairs of live appointments or holds overlapping on one provider (must be none). */
  overlaps: number;
};

export async function checkBookings(database: Database, organisationId: string): Promise<BookingCheck> {
  const result = await database.db.execute(sql`
    WITH live AS (SELECT id, provider_id, state, tstzrange(busy_starts_at, busy_ends_at, '[)') AS busy
                  FROM appointments WHERE organisation_id = ${organisationId} AND state <> 'cancelled'),
         counted AS (SELECT l.id, (SELECT count(*)::int FROM appointment_participants p WHERE p.appointment_id = l.id) AS n
                     FROM live l WHERE l.state = 'booked')
    SELECT (SELECT coalesce(sum(n), 0)::int FROM counted) AS booked,
           (SELECT count(*)::int FROM counted) AS appointments,
           (SELECT count(*)::int FROM live WHERE state = 'held') AS held,
           (SELECT count(*)::int FROM counted WHERE n <> 1) AS "withoutOneParticipant",
           (SELECT count(*)::int FROM live a JOIN live b
              ON b.provider_id = a.provider_id AND b.id > a.id AND b.busy && a.busy) AS overlaps`);
  return (result as unknown as { rows: BookingCheck[] }).rows[0]!;
}

/** Removes the rush's appointments (participants and history go with them) and the jobs they queued. */
export async function clearBookings(database: Database, organisationId: string): Promise<number> {
  const started = performance.now();
  const queue = await database.db.execute(sql`SELECT to_regclass('pgboss.job') IS NOT NULL AS "exists"`);
  const hasQueue = (queue as unknown as { rows: { exists: boolean }[] }).rows[0]!.exists;
  if (hasQueue)
    await database.db.execute(sql`
    DELETE FROM pgboss.job
    WHERE name LIKE 'notifications.%'
      AND (data->>'organisationId' = ${organisationId}
           OR data->>'appointmentId' IN (SELECT id::text FROM appointments WHERE organisation_id = ${organisationId}))`);
  await database.db.execute(sql`DELETE FROM outbox_messages WHERE organisation_id = ${organisationId}`);
  await database.db.execute(sql`DELETE FROM appointments WHERE organisation_id = ${organisationId}`);
  return performance.now() - started;
}
