// S3/S4 (issue #5): provider_busy_days, the per-day busy time the slot search reads, stays equal to what the
// appointments say through bookings, moves (same day, other day, other provider), cancellations, holds and
// group sessions, also when bookings and opposite moves of one provider's days run in parallel.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../../test/factories.ts';
import {
  localInstant,
  makeClinic,
  makeProvider,
  makeService,
  makeUser,
} from '../../test/scheduling-factories.ts';
import { Client, startTestApp, type TestApp } from '../../test/test-app.ts';

let world: TestApp;
beforeAll(async () => {
  world = await startTestApp();
});
afterAll(() => world?.close());

const TZ = 'America/Toronto';

type DayRow = { provider_id: string; day: string; busy: string };

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await world.services.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The days as kept by the trigger, and as the appointments say they should be. */
async function busyDays(providerIds: string[]) {
  const ids = `{${providerIds.join(',')}}`;
  const kept = await rows<DayRow>(sql`
    SELECT provider_id, day::text AS day, busy::text AS busy FROM provider_busy_days
    WHERE provider_id = ANY (${ids}::uuid[]) AND NOT isempty(busy) ORDER BY 1, 2`);
  const expected = await rows<DayRow>(sql`
    SELECT provider_id, (busy_starts_at AT TIME ZONE 'UTC')::date::text AS day,
           range_agg(tstzrange(busy_starts_at, busy_ends_at, '[)'))::text AS busy
    FROM appointments WHERE state = 'booked' AND capacity = 1 AND provider_id = ANY (${ids}::uuid[])
    GROUP BY 1, 2 ORDER BY 1, 2`);
  return { kept, expected };
}

async function expectInSync(providerIds: string[]) {
  const { kept, expected } = await busyDays(providerIds);
  expect(kept).toEqual(expected);
  return kept;
}

async function setup(serviceFields: Parameters<typeof makeService>[3] = {}) {
  const { db } = world.services;
  const clinic = await makeClinic(db, { open: '08:00', close: '18:00' });
  const service = await makeService(db, clinic.organisation.id, clinic.location.id, {
    durationMinutes: 30,
    ...serviceFields,
  });
  const second = await makeProvider(db, {
    accountId: clinic.account.id,
    organisationId: clinic.organisation.id,
    locationId: clinic.location.id,
    open: '08:00',
    close: '18:00',
    names: { firstName: 'Sami', lastName: 'Second' },
  });
  const admin = new Client(world.app);
  await admin.signIn(clinic.admin.email, PASSWORD);
  const base = `/api/v1/orgs/${clinic.organisation.id}`;
  const book = async (time: string, day = 2, providerId = clinic.provider.id, serviceId = service.id) => {
    const user = await makeUser(db, clinic.account.id, clinic.organisation.id);
    const response = await admin.post(`${base}/appointments`, {
      serviceId,
      providerId,
      startsAt: localInstant(TZ, day, time),
      userIds: [user.id],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id as string;
  };
  return { ...clinic, service, second, admin, base, book, providers: [clinic.provider.id, second.id] };
}

describe('S3 provider_busy_days', () => {
  it('S3/S8: follows bookings, moves to another time, day and provider, cancellations, holds and group sessions', async () => {
    const { admin, base, book, providers, provider, second, organisation, location, service } = await setup();
    const a = await book('09:00');
    const b = await book('09:30');
    const c = await book('11:00', 3);
    const days = await expectInSync(providers);
    // Back-to-back bookings are one busy period, in minutes since the epoch too.
    expect(days).toHaveLength(2);
    const [minutes] = await rows<{ busy_minutes: string }>(sql`
      SELECT busy_minutes FROM provider_busy_days WHERE provider_id = ${provider.id} ORDER BY day LIMIT 1`);
    expect(minutes!.busy_minutes).toBe(
      `${Date.parse(localInstant(TZ, 2, '09:00')) / 60_000},${Date.parse(localInstant(TZ, 2, '10:00')) / 60_000}`,
    );

    const move = async (id: string, body: Record<string, unknown>) => {
      const response = await admin.post(`${base}/appointments/${id}/move`, body);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    };
    await move(a, { startsAt: localInstant(TZ, 2, '08:45') }); // overlaps its own old time
    await expectInSync(providers);
    await move(a, { startsAt: localInstant(TZ, 4, '15:00') }); // another day
    await expectInSync(providers);
    await move(b, { startsAt: localInstant(TZ, 2, '09:30'), providerId: second.id }); // another provider
    await expectInSync(providers);
    const cancelled = await admin.post(`${base}/appointments/${c}/cancel`, {});
    expect(cancelled.status).toBe(200);
    await expectInSync(providers);

    // A hold is not in the days; confirmed, it is.
    const hold = await world.app.inject({
      method: 'POST',
      url: `/api/v1/public/organisations/${organisation.slug}/holds`,
      payload: {
        serviceId: service.id,
        providerId: provider.id,
        startsAt: localInstant(TZ, 5, '14:00'),
      },
    });
    expect(hold.statusCode, hold.body).toBe(201);
    const before = await expectInSync(providers);
    const user = await makeUser(world.services.db, organisation.accountId, organisation.id);
    const { confirmHold } = await import('./actions/hold-slot.ts');
    await world.services.db.transaction((tx) =>
      confirmHold(tx, { token: hold.json().token, userId: user.id }),
    );
    const after = await expectInSync(providers);
    expect(after.length).toBe(before.length + 1);

    // Group sessions keep their places elsewhere.
    const group = await makeService(world.services.db, organisation.id, location.id, {
      nameFr: 'Groupe',
      capacity: 4,
    });
    await book('16:00', 2, provider.id, group.id);
    expect(await expectInSync(providers)).toEqual(after);
  });

  it('S4: parallel bookings of one day and opposite moves between two days keep the days exact, without deadlock', async () => {
    const { admin, base, book, providers } = await setup();
    const times = Array.from(
      { length: 16 },
      (_, i) => `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
    );
    // Every second half-hour of two days, in parallel.
    const [dayTwo, dayThree] = await Promise.all([
      Promise.all(times.filter((_, i) => i % 2 === 0).map((time) => book(time, 2))),
      Promise.all(times.filter((_, i) => i % 2 === 0).map((time) => book(time, 3))),
    ]);
    await expectInSync(providers);
    // Day two's bookings move to day three's free half-hours while day three's move to day two's.
    const moves = await Promise.all([
      ...dayTwo.map((id, i) =>
        admin.post(`${base}/appointments/${id}/move`, { startsAt: localInstant(TZ, 3, times[2 * i + 1]!) }),
      ),
      ...dayThree.map((id, i) =>
        admin.post(`${base}/appointments/${id}/move`, { startsAt: localInstant(TZ, 2, times[2 * i + 1]!) }),
      ),
    ]);
    expect(moves.map((m) => m.status)).toEqual(moves.map(() => 200));
    const days = await expectInSync(providers);
    expect(days).toHaveLength(2);
  });
});
