// A busy clinic for the scheduling, follow-up and notification benchmarks, seeded server-side: an account
// and organisation (Montréal time), one location, providers with weekly opening hours, holidays and a
// vacation per year, a few locks, and appointments on the 15-minute grid of those hours (one participant
// each, drawn from the organisation's users), cancelled ones included. setseed() makes it repeatable.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../src/db/client.ts';
import { availabilityRules, locations, serviceLocations, services } from '../../src/db/schema.ts';
import { makeAccount, makeStaff } from '../../test/factories.ts';

export const BENCH_TIME_ZONE = 'America/Toronto';

/** Mon–Fri 08:00–12:00 and 13:00–18:00, Saturday 09:00–13:00: 49 hours, 196 quarter-hours a week. */
export const CLINIC_HOURS = [
  ...[1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, startTime: '08:00', endTime: '12:00' },
    { weekday, startTime: '13:00', endTime: '18:00' },
  ]),
  { weekday: 6, startTime: '09:00', endTime: '13:00' },
];

export type ClinicState = {
  accountId: string;
  organisationId: string;
  locationId: string;
  adminId: string;
  adminEmail: string;
  providerIds: string[];
  /** 30 minutes: what the slot searches look for. */
  consultationId: string;
  /** 15 minutes: what most seeded appointments are. */
  followUpId: string;
};

export async function seedClinic(
  tx: Tx,
  options: { providers: number; hours?: typeof CLINIC_HOURS; spanStart: string },
): Promise<ClinicState> {
  const { account, organisation, admin } = await makeAccount(tx, { timeZone: BENCH_TIME_ZONE });
  const [location] = await tx
    .insert(locations)
    .values({ organisationId: organisation.id, name: 'Clinique du Plateau', address: '1 rue Rachel' })
    .returning();
  const providerIds: string[] = [];
  for (let i = 1; i <= options.providers; i++) {
    const member = await makeStaff(tx, account.id, [{ organisationId: organisation.id, role: 'provider' }], {
      firstName: 'Provider',
      lastName: String(i).padStart(3, '0'),
    });
    providerIds.push(member.id);
  }
  const hours = options.hours ?? CLINIC_HOURS;
  await tx.insert(availabilityRules).values(
    providerIds.flatMap((providerId) =>
      hours.map((rule) => ({
        organisationId: organisation.id,
        providerId,
        locationId: location!.id,
        ...rule,
        validFrom: options.spanStart,
      })),
    ),
  );
  const [consultation, followUp] = await tx
    .insert(services)
    .values([
      {
        organisationId: organisation.id,
        nameFr: 'Consultation',
        nameEn: 'Consultation',
        durationMinutes: 30,
      },
      { organisationId: organisation.id, nameFr: 'Suivi', nameEn: 'Follow-up', durationMinutes: 15 },
    ])
    .returning();
  await tx.insert(serviceLocations).values([
    { serviceId: consultation!.id, locationId: location!.id },
    { serviceId: followUp!.id, locationId: location!.id },
  ]);
  return {
    accountId: account.id,
    organisationId: organisation.id,
    locationId: location!.id,
    adminId: admin.id,
    adminEmail: admin.email,
    providerIds,
    consultationId: consultation!.id,
    followUpId: followUp!.id,
  };
}

/** Holidays (whole days removed) each year of the span, and a two-week vacation per provider per year. */
export async function seedTimeOff(tx: Tx, clinic: ClinicState, span: { from: string; to: string }) {
  await tx.execute(sql`
    INSERT INTO availability_exceptions (organisation_id, provider_id, date, kind, note)
    SELECT ${clinic.organisationId}::uuid, p, d::date, 'removed', 'férié'
    FROM unnest(${`{${clinic.providerIds.join(',')}}`}::uuid[]) AS p,
         generate_series(${span.from}::date, ${span.to}::date, interval '1 day') AS d
    WHERE to_char(d, 'MM-DD') IN ('01-01', '06-24', '07-01', '12-25', '12-26')`);
  await tx.execute(sql`
    INSERT INTO absences (organisation_id, provider_id, starts_at, ends_at, reason)
    SELECT ${clinic.organisationId}::uuid, p.id,
           ((y + (p.n * 7 % 300) * interval '1 day')::date::timestamp) AT TIME ZONE ${BENCH_TIME_ZONE},
           ((y + (p.n * 7 % 300 + 14) * interval '1 day')::date::timestamp) AT TIME ZONE ${BENCH_TIME_ZONE},
           'vacances'
    FROM unnest(${`{${clinic.providerIds.join(',')}}`}::uuid[]) WITH ORDINALITY AS p(id, n),
         generate_series(date_trunc('year', ${span.from}::date), ${span.to}::date, interval '1 year') AS y`);
}

/**
 * `count` appointments of one provider on free quarter-hours of their opening hours in [from, to): 15
 * minutes each (the follow-up service), 4 % cancelled, with one participant — scheduled when upcoming,
 * mostly present when past — drawn from the organisation's users; optionally a 30-minute lock every few days.
 */
export async function seedProviderAppointments(
  tx: Tx,
  clinic: ClinicState,
  input: { providerId: string; from: string; to: string; count: number; lockEveryDays?: number },
): Promise<void> {
  await tx.execute(sql`
    WITH hours AS (
      SELECT weekday,
             split_part(start_time, ':', 1)::int * 60 + split_part(start_time, ':', 2)::int AS start_min,
             split_part(end_time, ':', 1)::int * 60 + split_part(end_time, ':', 2)::int AS end_min
      FROM availability_rules WHERE provider_id = ${input.providerId}::uuid
    ),
    cells AS (
      SELECT ((d + m * interval '1 minute') AT TIME ZONE ${BENCH_TIME_ZONE}) AS starts_at
      FROM generate_series(${input.from}::date::timestamp, ${input.to}::date::timestamp - interval '1 day', interval '1 day') AS d
      CROSS JOIN generate_series(0, 1425, 15) AS m
      WHERE EXISTS (SELECT 1 FROM hours h
                    WHERE h.weekday = extract(isodow FROM d) AND m >= h.start_min AND m + 15 <= h.end_min)
        AND NOT EXISTS (SELECT 1 FROM availability_exceptions e
                        WHERE e.provider_id = ${input.providerId}::uuid AND e.date = d::date AND e.kind = 'removed')
    ),
    free AS (
      SELECT starts_at FROM cells c
      WHERE NOT EXISTS (SELECT 1 FROM absences a
                        WHERE a.provider_id = ${input.providerId}::uuid
                          AND a.starts_at <= c.starts_at AND a.ends_at > c.starts_at)
    ),
    picked AS (SELECT starts_at, random() AS cancel_draw FROM free ORDER BY random() LIMIT ${input.count}),
    pool AS (
      SELECT array_agg(user_id) AS ids FROM user_organisations WHERE organisation_id = ${clinic.organisationId}::uuid
    ),
    inserted AS (
      INSERT INTO appointments (organisation_id, service_id, provider_id, location_id, starts_at, ends_at,
                                busy_starts_at, busy_ends_at, state, capacity, source, created_at, cancelled_at)
      SELECT ${clinic.organisationId}::uuid, ${clinic.followUpId}::uuid, ${input.providerId}::uuid,
             ${clinic.locationId}::uuid, starts_at, starts_at + interval '15 minutes',
             starts_at, starts_at + interval '15 minutes',
             CASE WHEN cancel_draw < 0.04 THEN 'cancelled' ELSE 'booked' END, 1, 'staff',
             starts_at - interval '30 days' * random(),
             CASE WHEN cancel_draw < 0.04 THEN starts_at - interval '2 days' END
      FROM picked
      RETURNING id, starts_at, state
    )
    INSERT INTO appointment_participants (appointment_id, user_id, status, created_at, updated_at)
    SELECT x.id, pool.ids[1 + floor(random() * cardinality(pool.ids))::int],
           CASE WHEN x.state = 'cancelled' THEN 'cancelled'
                WHEN x.starts_at > now() THEN 'scheduled'
                WHEN x.draw < 0.85 THEN 'present'
                WHEN x.draw < 0.95 THEN 'absent'
                ELSE 'not_eligible' END,
           x.starts_at - interval '30 days', x.starts_at
    FROM (SELECT i.*, random() AS draw FROM inserted i) AS x, pool`);
  if (input.lockEveryDays) {
    // Red locks on the provider's time now and then (S5), which the public search must skip.
    await tx.execute(sql`
      INSERT INTO slot_locks (organisation_id, provider_id, starts_at, ends_at, reason)
      SELECT ${clinic.organisationId}::uuid, ${input.providerId}::uuid, t, t + interval '30 minutes', 'réunion'
      FROM (SELECT ((d + interval '10 hours') AT TIME ZONE ${BENCH_TIME_ZONE}) AS t
            FROM generate_series(${input.from}::date::timestamp, ${input.to}::date::timestamp, ${`${input.lockEveryDays} days`}::interval) AS d) AS l`);
  }
}

/** Today's date in the clinic's time zone, shifted by `days`. */
export function clinicDate(days: number, from = new Date()): string {
  const local = new Intl.DateTimeFormat('en-CA', { timeZone: BENCH_TIME_ZONE }).format(from);
  const date = new Date(`${local}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
