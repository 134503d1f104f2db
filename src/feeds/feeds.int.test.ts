// SPEC A7: a provider's private iCalendar feed through the HTTP API on a real database, parsed with ical.js:
// their booked appointments and the meetings they host or accepted, not cancelled ones, declined meetings or
// other providers' appointments, and no patient names; a replaced or turned-off link answers 404.
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../../test/factories.ts';
import {
  makeAppointment,
  makeClinic,
  makeProvider,
  makeService,
  makeUser,
} from '../../test/scheduling-factories.ts';
import { Client, startTestApp, type TestApp } from '../../test/test-app.ts';
import { appointments } from '../db/schema.ts';

let world: TestApp;
beforeAll(async () => {
  world = await startTestApp();
});
afterAll(() => world?.close());

const inDays = (days: number, hour = 15) => {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date;
};

/** The feed's events by UID, read the way a calendar app reads them. */
async function readFeed(url: string) {
  const response = await world.app.inject({ url: new URL(url).pathname });
  if (response.statusCode !== 200) return { status: response.statusCode, events: [] };
  expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
  const calendar = new ICAL.Component(ICAL.parse(response.body));
  const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
  return { status: 200, events, text: response.body };
}

describe('A7: calendar feed', () => {
  it('A7: the feed holds my appointments and meetings, not cancelled, declined or others’, with no patient names', async () => {
    const { db } = world.services;
    const clinic = await makeClinic(db);
    const service = await makeService(db, clinic.organisation.id, clinic.location.id, {
      nameFr: 'Suivi',
      nameEn: 'Follow-up visit',
    });
    const video = await makeService(db, clinic.organisation.id, clinic.location.id, {
      isVideo: true,
      nameEn: 'Video',
    });
    const colleague = await makeProvider(db, {
      accountId: clinic.account.id,
      organisationId: clinic.organisation.id,
      locationId: clinic.location.id,
    });
    const patient = await makeUser(db, clinic.account.id, clinic.organisation.id, {
      lastName: 'Tremblay-Secret',
    });
    const book = (providerId: string, startsAt: Date) =>
      makeAppointment(db, {
        organisationId: clinic.organisation.id,
        serviceId: service.id,
        providerId,
        locationId: clinic.location.id,
        startsAt: startsAt.toISOString(),
        userIds: [patient.id],
      });
    const mine = await book(clinic.provider.id, inDays(2));
    const cancelled = await book(clinic.provider.id, inDays(3));
    await db
      .update(appointments)
      .set({ state: 'cancelled' })
      .where(eq(appointments.id, cancelled.appointment.id));
    const others = await book(colleague.id, inDays(2));

    const provider = new Client(world.app);
    provider.language = 'en';
    await provider.signIn(clinic.provider.email, PASSWORD);
    const host = new Client(world.app);
    await host.signIn(colleague.email, PASSWORD);
    const base = `/api/v1/orgs/${clinic.organisation.id}/meetings`;
    const meeting = (days: number) =>
      host.post(base, {
        hostId: colleague.id,
        serviceId: video.id,
        startsAt: inDays(days, 18).toISOString(),
        minutes: 30,
        title: `Board ${days}`,
        invitedStaffIds: [clinic.provider.id],
      });
    const accepted = (await meeting(4)).body.meetings[0];
    const declined = (await meeting(5)).body.meetings[0];
    await provider.post(`${base}/${accepted.id}/response`, { response: 'accepted' });
    await provider.post(`${base}/${declined.id}/response`, { response: 'declined' });

    expect((await provider.get('/api/v1/auth/calendar-feed')).body).toEqual({
      isEnabled: false,
      createdAt: null,
    });
    const made = await provider.post('/api/v1/auth/calendar-feed');
    expect(made.status).toBe(200);
    expect(made.body.url).toMatch(/\/api\/v1\/public\/calendar-feeds\/[\w-]+\.ics$/);
    expect((await provider.get('/api/v1/auth/calendar-feed')).body.isEnabled).toBe(true);

    const feed = await readFeed(made.body.url);
    const byUid = new Map(feed.events.map((event) => [event.uid, event]));
    expect([...byUid.keys()].sort()).toEqual(
      [`${mine.appointment.id}@creneau`, `${accepted.id}@creneau`].sort(),
    );
    expect(byUid.has(`${others.appointment.id}@creneau`)).toBe(false);
    const visit = byUid.get(`${mine.appointment.id}@creneau`)!;
    expect(visit.summary).toBe('Suivi'); // the provider's own language (French by default)
    expect(visit.startDate.toJSDate().toISOString()).toBe(inDays(2).toISOString());
    expect(byUid.get(`${accepted.id}@creneau`)!.location).toBe(accepted.joinUrl);
    expect(feed.text).not.toContain('Tremblay-Secret');
  });

  it('A7: a replaced link stops working at once, and a turned-off feed answers 404', async () => {
    const clinic = await makeClinic(world.services.db);
    const client = new Client(world.app);
    await client.signIn(clinic.provider.email, PASSWORD);
    const first = (await client.post('/api/v1/auth/calendar-feed')).body.url;
    const second = (await client.post('/api/v1/auth/calendar-feed')).body.url;
    expect(second).not.toBe(first);
    expect((await readFeed(first)).status).toBe(404);
    expect((await readFeed(second)).status).toBe(200);
    await client.delete('/api/v1/auth/calendar-feed');
    expect((await readFeed(second)).status).toBe(404);
    const malformed = await world.app.inject({ url: '/api/v1/public/calendar-feeds/short.ics' });
    expect(malformed.statusCode).toBe(400);
  });
});
