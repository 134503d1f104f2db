// Scheduling through the HTTP API on PGlite and PostgreSQL: S1–S5, S7–S11.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStaff, PASSWORD } from '../../test/factories.ts';
import {
  localDateIn,
  localInstant,
  makeClinic,
  makeProvider,
  makeService,
  makeUser,
} from '../../test/scheduling-factories.ts';
import { Client, startTestApp, type TestApp } from '../../test/test-app.ts';
import { appointments, participants } from '../db/schema.ts';

let world: TestApp;
beforeAll(async () => {
  world = await startTestApp();
});
afterAll(() => world?.close());

const TZ = 'America/Toronto';

async function setup(serviceFields: Parameters<typeof makeService>[3] = {}) {
  const { db } = world.services;
  const clinic = await makeClinic(db);
  const service = await makeService(db, clinic.organisation.id, clinic.location.id, serviceFields);
  const admin = new Client(world.app);
  await admin.signIn(clinic.admin.email, PASSWORD);
  const base = `/api/v1/orgs/${clinic.organisation.id}`;
  const user = await makeUser(db, clinic.account.id, clinic.organisation.id);
  return { ...clinic, service, admin, base, user };
}

const publicSlots = async (slug: string, serviceId: string, days = 2) => {
  const date = localDateIn(TZ, days);
  const response = await world.app.inject({
    url: `/api/v1/public/organisations/${slug}/services/${serviceId}/slots?from=${date}&to=${date}`,
  });
  return response.json() as { startsAt: string }[];
};

describe('S1 services and S2 availability', () => {
  it('S1: an admin creates a service with names in both languages, duration, capacity, notice and buffers', async () => {
    const { admin, base, location } = await setup();
    const created = await admin.post(`${base}/services`, {
      nameFr: 'Vaccination',
      nameEn: 'Vaccination',
      durationMinutes: 15,
      capacity: 5,
      minNoticeMinutes: 120,
      bufferAfterMinutes: 5,
      oneUpcomingPerUser: true,
      locationIds: [location.id],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ capacity: 5, bookableOnline: true, locationIds: [location.id] });
    const bad = await admin.post(`${base}/services`, { nameFr: 'X', nameEn: 'X', durationMinutes: 2 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('durationMinutes');
    const archived = await admin.patch(`${base}/services/${created.body.id}`, {
      archived: true,
      bookableOnline: false,
    });
    expect(archived.body.bookableOnline).toBe(false);
  });

  it('S2: weekly hours, a removed day and an absence shape the slots', async () => {
    const { admin, base, service, provider, location } = await setup();
    const put = await admin.put(`${base}/providers/${provider.id}/weekly-hours`, {
      rules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        startTime: '10:00',
        endTime: '11:00',
        locationId: location.id,
      })),
    });
    expect(put.status).toBe(200);
    const day = localDateIn(TZ, 3);
    const slots = async () =>
      (
        await admin.get(
          `${base}/services/${service.id}/slots?from=${day}&to=${day}&providerId=${provider.id}`,
        )
      ).body.length;
    expect(await slots()).toBe(2);
    const removed = await admin.post(`${base}/providers/${provider.id}/exceptions`, {
      date: day,
      kind: 'removed',
    });
    expect(removed.status).toBe(201);
    expect(await slots()).toBe(0);
    await admin.delete(`${base}/availability-exceptions/${removed.body.id}`);
    expect(await slots()).toBe(2);
    await admin.post(`${base}/providers/${provider.id}/absences`, {
      startsAt: localInstant(TZ, 3, '10:00'),
      endsAt: localInstant(TZ, 3, '10:30'),
    });
    expect(await slots()).toBe(1);
    const availability = await admin.get(`${base}/providers/${provider.id}/availability`);
    expect(availability.body.rules).toHaveLength(7);
    expect(availability.body.absences).toHaveLength(1);
    const invalid = await admin.put(`${base}/providers/${provider.id}/weekly-hours`, {
      rules: [{ weekday: 1, startTime: '12:00', endTime: '11:00' }],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.fields[0].path).toBe('rules.0.endTime');
  });
});

describe('S3 slot search, S4 booking, S5 locks', () => {
  it('S4: staff book a slot; a second booking of the same slot gets 409 slot_unavailable and nothing is written', async () => {
    const { admin, base, service, provider, user, account, organisation } = await setup();
    const other = await makeUser(world.services.db, account.id, organisation.id);
    const startsAt = localInstant(TZ, 2, '10:00');
    const first = await admin.post(`${base}/appointments`, {
      serviceId: service.id,
      providerId: provider.id,
      startsAt,
      userIds: [user.id],
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    admin.language = 'en';
    const second = await admin.post(`${base}/appointments`, {
      serviceId: service.id,
      providerId: provider.id,
      startsAt,
      userIds: [other.id],
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('slot_unavailable');
    expect(second.body.error.message).toBe('This slot is no longer available. Please choose another time.');
    const forced = await admin.post(`${base}/appointments`, {
      serviceId: service.id,
      providerId: provider.id,
      startsAt: localInstant(TZ, 2, '10:15'),
      userIds: [other.id],
      outsideOpeningHours: true,
    });
    expect(forced.status).toBe(409);
    const rows = await world.services.db.select().from(participants).where(eq(participants.userId, other.id));
    expect(rows).toEqual([]);
    expect((await publicSlots(organisation.slug, service.id)).map((s) => s.startsAt)).not.toContain(startsAt);
  });

  it('S4: the database itself refuses two overlapping live appointments of one provider', async () => {
    const { service, provider, organisation } = await setup();
    const { db } = world.services;
    const row = (start: string) => ({
      organisationId: organisation.id,
      serviceId: service.id,
      providerId: provider.id,
      startsAt: new Date(start),
      endsAt: new Date(new Date(start).getTime() + 30 * 60_000),
      busyStartsAt: new Date(start),
      busyEndsAt: new Date(new Date(start).getTime() + 30 * 60_000),
      state: 'booked' as const,
    });
    await db.insert(appointments).values(row('2030-01-01T15:00:00Z'));
    await expect(db.insert(appointments).values(row('2030-01-01T15:15:00Z'))).rejects.toMatchObject({
      cause: { code: '23P01' },
    });
    await db.insert(appointments).values({ ...row('2030-01-01T15:15:00Z'), state: 'cancelled' });
  });

  it('S3/S5: a locked range is never offered publicly, flagged for staff, and staff may still book it', async () => {
    const { admin, base, service, provider, user, organisation } = await setup();
    const startsAt = localInstant(TZ, 2, '11:00');
    const lock = await admin.post(`${base}/locks`, {
      providerId: provider.id,
      startsAt,
      endsAt: localInstant(TZ, 2, '12:00'),
      reason: 'Meeting',
    });
    expect(lock.status).toBe(201);
    const offered = (await publicSlots(organisation.slug, service.id)).map((s) => s.startsAt);
    expect(offered).not.toContain(startsAt);
    expect(offered).toContain(localInstant(TZ, 2, '10:30'));
    const day = localDateIn(TZ, 2);
    const staffSlots = (await admin.get(`${base}/services/${service.id}/slots?from=${day}&to=${day}`)).body;
    expect(staffSlots.find((s: { startsAt: string }) => s.startsAt === startsAt)).toMatchObject({
      isLocked: true,
    });
    const booked = await admin.post(`${base}/appointments`, {
      serviceId: service.id,
      providerId: provider.id,
      startsAt,
      userIds: [user.id],
    });
    expect(booked.status).toBe(201);
    await admin.delete(`${base}/locks/${lock.body.id}`);
    expect((await publicSlots(organisation.slug, service.id)).map((s) => s.startsAt)).toContain(
      localInstant(TZ, 2, '11:30'),
    );
  });

  it('S3: the public never sees past slots nor slots inside the minimum notice', async () => {
    const { service, organisation } = await setup({ minNoticeMinutes: 3 * 24 * 60 });
    expect(await publicSlots(organisation.slug, service.id, 2)).toEqual([]);
    expect((await publicSlots(organisation.slug, service.id, 4)).length).toBeGreaterThan(0);
    expect(await publicSlots(organisation.slug, service.id, -1)).toEqual([]);
  });

  it('S4: a group service fills up to its capacity and no further', async () => {
    const { admin, base, service, provider, account, organisation } = await setup({ capacity: 3 });
    const startsAt = localInstant(TZ, 2, '09:00');
    const people = await Promise.all(
      [1, 2, 3, 4].map(() => makeUser(world.services.db, account.id, organisation.id)),
    );
    const statuses: number[] = [];
    for (const person of people) {
      statuses.push(
        (
          await admin.post(`${base}/appointments`, {
            serviceId: service.id,
            providerId: provider.id,
            startsAt,
            userIds: [person.id],
          })
        ).status,
      );
    }
    expect(statuses).toEqual([201, 201, 201, 409]);
    const slots = await publicSlots(organisation.slug, service.id);
    expect(slots.map((s) => s.startsAt)).not.toContain(startsAt);
  });
});

describe('S10 holds, S11 one upcoming appointment, S8 moves, S9 schedule, S7 history', () => {
  it('S10: a held slot is not offered to anyone else; released or expired it is free again; confirmed it becomes the booking', async () => {
    const { service, provider, organisation, user } = await setup();
    const startsAt = localInstant(TZ, 2, '14:00');
    const hold = async () =>
      world.app.inject({
        method: 'POST',
        url: `/api/v1/public/organisations/${organisation.slug}/holds`,
        payload: { serviceId: service.id, providerId: provider.id, startsAt },
      });
    const first = await hold();
    expect(first.statusCode).toBe(201);
    const { token } = first.json();
    expect((await publicSlots(organisation.slug, service.id)).map((s) => s.startsAt)).not.toContain(startsAt);
    expect((await hold()).statusCode).toBe(409);
    await world.app.inject({ method: 'DELETE', url: `/api/v1/public/holds/${token}` });
    expect((await publicSlots(organisation.slug, service.id)).map((s) => s.startsAt)).toContain(startsAt);
    const second = (await hold()).json();
    await world.services.db
      .update(appointments)
      .set({ holdExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(appointments.state, 'held'));
    expect((await publicSlots(organisation.slug, service.id)).map((s) => s.startsAt)).toContain(startsAt);
    const third = await hold();
    expect(third.statusCode).toBe(201);
    const { confirmHold } = await import('./actions/hold-slot.ts');
    await expect(
      world.services.db.transaction((tx) => confirmHold(tx, { token: second.token, userId: user.id })),
    ).rejects.toMatchObject({ code: 'hold_invalid' });
    const confirmed = await world.services.db.transaction((tx) =>
      confirmHold(tx, { token: third.json().token, userId: user.id }),
    );
    expect(confirmed.appointment.state).toBe('booked');
    expect(confirmed.participant.status).toBe('scheduled');
  });

  it('P1/S10: the public sees times with the places of every free provider; a hold without a provider takes any free one', async () => {
    const { db } = world.services;
    const { service, provider, organisation, account, location } = await setup();
    const second = await makeProvider(db, {
      accountId: account.id,
      organisationId: organisation.id,
      locationId: location.id,
    });
    const startsAt = localInstant(TZ, 2, '14:00');
    const offered = async () =>
      (await publicSlots(organisation.slug, service.id)).find((s) => s.startsAt === startsAt) as
        | { startsAt: string; remaining: number; providerId?: string }
        | undefined;
    const hold = (providerId?: string) =>
      world.app.inject({
        method: 'POST',
        url: `/api/v1/public/organisations/${organisation.slug}/holds`,
        payload: { serviceId: service.id, startsAt, ...(providerId ? { providerId } : {}) },
      });
    expect(await offered()).toMatchObject({ remaining: 2 });
    expect((await offered())?.providerId).toBeUndefined();
    // Five people pick the same time at once: the two providers are taken, once each.
    const holds = await Promise.all([1, 2, 3, 4, 5].map(() => hold()));
    const won = holds.filter((h) => h.statusCode === 201).map((h) => h.json().providerId);
    expect(won.sort()).toEqual([provider.id, second.id].sort());
    expect(
      holds.filter((h) => h.statusCode === 409).every((h) => h.json().error.code === 'slot_unavailable'),
    ).toBe(true);
    expect(await offered()).toBeUndefined();
    expect((await hold()).statusCode).toBe(409);
    expect((await hold(provider.id)).statusCode).toBe(409);
    // One released: offered again, with one place.
    await world.app.inject({
      method: 'DELETE',
      url: `/api/v1/public/holds/${holds.find((h) => h.statusCode === 201)!.json().token}`,
    });
    expect(await offered()).toMatchObject({ remaining: 1 });
  });

  it('S11: a second upcoming booking of the same service by one person is refused with an offer to move the first', async () => {
    const { admin, base, service, provider, user, location, organisation } = await setup({
      oneUpcomingPerUser: true,
    });
    const first = await admin.post(`${base}/appointments`, {
      serviceId: service.id,
      providerId: provider.id,
      startsAt: localInstant(TZ, 2, '09:00'),
      userIds: [user.id],
    });
    admin.language = 'fr';
    const second = await admin.post(`${base}/appointments`, {
      serviceId: service.id,
      providerId: provider.id,
      startsAt: localInstant(TZ, 3, '09:00'),
      userIds: [user.id],
    });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({
      code: 'one_upcoming_per_user',
      details: { appointmentId: first.body.id },
    });
    expect(second.body.error.message).toMatch(/Déplacez ce rendez-vous/);
    const otherService = await makeService(world.services.db, organisation.id, location.id, {
      nameFr: 'Autre',
    });
    const allowed = await admin.post(`${base}/appointments`, {
      serviceId: otherService.id,
      providerId: provider.id,
      startsAt: localInstant(TZ, 3, '09:00'),
      userIds: [user.id],
    });
    expect(allowed.status).toBe(201);
  });

  it('S8/S7: moving keeps the guarantees and is written to the history, with creation, cancellation and lock', async () => {
    const { admin, base, service, provider, user, account, organisation } = await setup();
    const other = await makeUser(world.services.db, account.id, organisation.id);
    const booked = await admin.post(`${base}/appointments`, {
      serviceId: service.id,
      providerId: provider.id,
      startsAt: localInstant(TZ, 2, '09:00'),
      userIds: [user.id],
    });
    await admin.post(`${base}/appointments`, {
      serviceId: service.id,
      providerId: provider.id,
      startsAt: localInstant(TZ, 2, '10:00'),
      userIds: [other.id],
    });
    const onto = await admin.post(`${base}/appointments/${booked.body.id}/move`, {
      startsAt: localInstant(TZ, 2, '10:00'),
    });
    expect(onto.status).toBe(409);
    const shifted = await admin.post(`${base}/appointments/${booked.body.id}/move`, {
      startsAt: localInstant(TZ, 2, '09:15'),
    });
    expect(shifted.status, JSON.stringify(shifted.body)).toBe(200);
    const moved = await admin.post(`${base}/appointments/${booked.body.id}/move`, {
      startsAt: localInstant(TZ, 2, '11:00'),
    });
    expect(moved.body.startsAt).toBe(localInstant(TZ, 2, '11:00'));
    expect((await publicSlots(organisation.slug, service.id)).map((s) => s.startsAt)).toContain(
      localInstant(TZ, 2, '09:00'),
    );
    const cancelled = await admin.post(`${base}/appointments/${booked.body.id}/cancel`, { lockSlot: true });
    expect(cancelled.status).toBe(200);
    const detail = await admin.get(`${base}/appointments/${booked.body.id}`);
    expect(detail.body.state).toBe('cancelled');
    expect(detail.body.participants[0].status).toBe('cancelled');
    expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual([
      'slot_locked',
      'cancelled',
      'moved',
      'moved',
      'created',
    ]);
    expect(detail.body.history[2].details).toMatchObject({
      from: localInstant(TZ, 2, '09:15'),
      to: localInstant(TZ, 2, '11:00'),
    });
    expect((await publicSlots(organisation.slug, service.id)).map((s) => s.startsAt)).not.toContain(
      localInstant(TZ, 2, '11:00'),
    );
  });

  it('S9: the week view shows appointments, locks, absences and opening hours; a provider sees only their own', async () => {
    const { db } = world.services;
    const { admin, base, service, provider, user, account, organisation } = await setup();
    await admin.post(`${base}/appointments`, {
      serviceId: service.id,
      providerId: provider.id,
      startsAt: localInstant(TZ, 1, '09:00'),
      userIds: [user.id],
    });
    await admin.post(`${base}/locks`, {
      providerId: provider.id,
      startsAt: localInstant(TZ, 1, '12:00'),
      endsAt: localInstant(TZ, 1, '13:00'),
    });
    await admin.post(`${base}/providers/${provider.id}/absences`, {
      startsAt: localInstant(TZ, 2, '09:00'),
      endsAt: localInstant(TZ, 2, '17:00'),
    });
    const from = localDateIn(TZ, 0);
    const to = localDateIn(TZ, 6);
    const week = await admin.get(`${base}/schedule?providerId=${provider.id}&from=${from}&to=${to}`);
    expect(week.status).toBe(200);
    expect(week.body.appointments).toHaveLength(1);
    expect(week.body.appointments[0].participants[0]).toMatchObject({ userId: user.id, status: 'scheduled' });
    expect(week.body.locks).toHaveLength(1);
    expect(week.body.absences).toHaveLength(1);
    expect(week.body.openings.length).toBe(6);
    const colleague = await makeStaff(db, account.id, [
      { organisationId: organisation.id, role: 'provider' },
    ]);
    const asColleague = new Client(world.app);
    await asColleague.signIn(colleague.email, PASSWORD);
    expect(
      (await asColleague.get(`${base}/schedule?providerId=${provider.id}&from=${from}&to=${to}`)).status,
    ).toBe(403);
    expect(
      (await asColleague.get(`${base}/schedule?providerId=${colleague.id}&from=${from}&to=${to}`)).status,
    ).toBe(200);
  });
});

describe('S4 under concurrency', () => {
  it('S4: 50 parallel bookings of one slot — exactly one succeeds, the others get slot_unavailable', async () => {
    const { admin, base, service, provider, account, organisation } = await setup();
    const people = await Promise.all(
      Array.from({ length: 50 }, () => makeUser(world.services.db, account.id, organisation.id)),
    );
    const startsAt = localInstant(TZ, 5, '13:00');
    const results = await Promise.all(
      people.map((person) =>
        admin.post(`${base}/appointments`, {
          serviceId: service.id,
          providerId: provider.id,
          startsAt,
          userIds: [person.id],
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'slot_unavailable'),
    ).toBe(true);
    const [count] = await world.services.db
      .select({ n: sql<number>`count(*)::int` })
      .from(appointments)
      .where(and(eq(appointments.providerId, provider.id), eq(appointments.startsAt, new Date(startsAt))));
    expect(count!.n).toBe(1);
  });

  it('S4: 20 parallel bookings of a group slot of capacity 5 — exactly five succeed', async () => {
    const { admin, base, service, provider, account, organisation } = await setup({ capacity: 5 });
    const people = await Promise.all(
      Array.from({ length: 20 }, () => makeUser(world.services.db, account.id, organisation.id)),
    );
    const startsAt = localInstant(TZ, 5, '15:00');
    const results = await Promise.all(
      people.map((person) =>
        admin.post(`${base}/appointments`, {
          serviceId: service.id,
          providerId: provider.id,
          startsAt,
          userIds: [person.id],
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    const rows = await world.services.db
      .select({ n: sql<number>`count(*)::int` })
      .from(participants)
      .innerJoin(appointments, eq(appointments.id, participants.appointmentId))
      .where(and(eq(appointments.providerId, provider.id), eq(appointments.startsAt, new Date(startsAt))));
    expect(rows[0]!.n).toBe(5);
  });

  it('S11: two parallel bookings for the same person of a one-upcoming service — exactly one succeeds', async () => {
    const { admin, base, service, provider, user } = await setup({ oneUpcomingPerUser: true });
    const results = await Promise.all(
      ['09:00', '10:00', '11:00'].map((time) =>
        admin.post(`${base}/appointments`, {
          serviceId: service.id,
          providerId: provider.id,
          startsAt: localInstant(TZ, 6, time),
          userIds: [user.id],
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });
});
