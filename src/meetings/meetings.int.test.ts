// SPEC V1–V6 (seed 003) through the HTTP API on a real database: meetings with a link, ID and passcode; an
// agent creating one for a host; invitees accepting and declining (the host told); recurring series;
// cancelling this meeting only or the whole series (past ones kept), off every schedule, invitees and
// admins told per their settings, the patient only when asked; and the host's time as safe as a booking.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStaff, PASSWORD } from '../../test/factories.ts';
import {
  makeAppointment,
  makeClinic,
  makeProvider,
  makeService,
  makeUser,
} from '../../test/scheduling-factories.ts';
import { Client, startTestApp, type TestApp } from '../../test/test-app.ts';
import { waitFor } from '../../test/wait.ts';
import { appointmentHistory, appointments, staffNotificationSettings, staffOutbox } from '../db/schema.ts';

let world: TestApp;
beforeAll(async () => {
  world = await startTestApp({ worker: true });
});
afterAll(() => world?.close());

const DAY = 86_400_000;
/** A start `days` ahead at 14:00 UTC (09:00 or 10:00 in Toronto). */
const inDays = (days: number) => {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(14, 0, 0, 0);
  return date;
};

async function makeWorld() {
  const { db } = world.services;
  const clinic = await makeClinic(db);
  const video = await makeService(db, clinic.organisation.id, clinic.location.id, {
    nameFr: 'Téléconsultation',
    nameEn: 'Video consultation',
    isVideo: true,
  });
  const inPerson = await makeService(db, clinic.organisation.id, clinic.location.id);
  const colleague = await makeProvider(db, {
    accountId: clinic.account.id,
    organisationId: clinic.organisation.id,
    locationId: clinic.location.id,
    names: { firstName: 'Ines', lastName: 'Invitee' },
  });
  const agent = await makeStaff(db, clinic.account.id, [
    { organisationId: clinic.organisation.id, role: 'agent' },
  ]);
  const patient = await makeUser(db, clinic.account.id, clinic.organisation.id, {
    firstName: 'Paul',
    email: 'paul@example.test',
  });
  // Everyone wants every staff message by email here.
  for (const staffId of [clinic.provider.id, colleague.id, clinic.admin.id, agent.id]) {
    await db
      .insert(staffNotificationSettings)
      .values(
        (
          ['appointment_created', 'appointment_cancelled', 'invited_to_meeting', 'invitee_declined'] as const
        ).map((event) => ({ staffId, event, email: true, sms: false })),
      );
  }
  const signedIn = async (email: string, language: 'fr' | 'en' = 'en') => {
    const client = new Client(world.app);
    client.language = language;
    await client.signIn(email, PASSWORD);
    return client;
  };
  return {
    ...clinic,
    video,
    inPerson,
    colleague,
    agent,
    patient,
    host: await signedIn(clinic.provider.email),
    asAgent: await signedIn(agent.email, 'fr'),
    asColleague: await signedIn(colleague.email),
    base: `/api/v1/orgs/${clinic.organisation.id}/meetings`,
  };
}

type World = Awaited<ReturnType<typeof makeWorld>>;

function meetingBody(w: World, overrides: Record<string, unknown> = {}) {
  return {
    hostId: w.provider.id,
    serviceId: w.video.id,
    startsAt: inDays(3).toISOString(),
    minutes: 45,
    title: 'Tumour board',
    invitedStaffIds: [w.colleague.id],
    ...overrides,
  };
}

/** Staff messages of an event to someone, once the worker has written them. */
async function staffMessages(staffId: string, event: string, count: number) {
  return waitFor(async () => {
    const rows = await world.services.db
      .select()
      .from(staffOutbox)
      .where(and(eq(staffOutbox.staffId, staffId), eq(staffOutbox.event, event)));
    return rows.length >= count ? rows : undefined;
  });
}

describe('V1–V6: video meetings', () => {
  it('V1/V2/N3: an agent creates a meeting for a host: link, ID and passcode; the invitee is invited and told, the host told', async () => {
    const w = await makeWorld();
    const created = await w.asAgent.post(w.base, meetingBody(w, { userId: w.patient.id }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const [meeting] = created.body.meetings;
    expect(meeting.meetingCode).toMatch(/^[1-9]\d{9}$/);
    expect(meeting.passcode).toMatch(/^\d{6}$/);
    expect(meeting.joinUrl).toBe(`https://meet.jit.si/creneau-${meeting.meetingCode}`);
    expect(meeting).toMatchObject({
      title: 'Tumour board',
      host: { id: w.provider.id },
      invitations: [{ staffId: w.colleague.id, status: 'pending' }],
      patient: { id: w.patient.id, hasContact: true },
      canCancel: true,
    });
    const [invitation] = await staffMessages(w.colleague.id, 'invited_to_meeting', 1);
    expect(invitation!.bodyText).toContain(meeting.joinUrl);
    expect(invitation!.bodyText).toContain('Paula Provider vous invite à une rencontre vidéo');
    await staffMessages(w.provider.id, 'appointment_created', 1);
    // Consultations: pending for the invitee, active for the host.
    expect((await w.asColleague.get(`${w.base}?view=pending`)).body.map((m: { id: string }) => m.id)).toEqual(
      [meeting.id],
    );
    expect((await w.host.get(`${w.base}?view=active`)).body.map((m: { id: string }) => m.id)).toContain(
      meeting.id,
    );
  });

  it('V2: a provider hosts only their own meetings; the service must be a video one; invitees must be providers here', async () => {
    const w = await makeWorld();
    const forOther = await w.asColleague.post(w.base, meetingBody(w, { invitedStaffIds: [] }));
    expect(forOther.status).toBe(403);
    const notVideo = await w.host.post(w.base, meetingBody(w, { serviceId: w.inPerson.id }));
    expect(notVideo.status).toBe(400);
    expect(notVideo.body.error.fields).toEqual([
      expect.objectContaining({ path: 'serviceId', code: 'not_video' }),
    ]);
    const agentInvited = await w.host.post(w.base, meetingBody(w, { invitedStaffIds: [w.agent.id] }));
    expect(agentInvited.body.error.fields[0]).toMatchObject({
      path: 'invitedStaffIds',
      code: 'not_a_provider',
    });
    const count = await world.services.db
      .select({ n: sql<number>`count(*)::int` })
      .from(appointments)
      .where(eq(appointments.organisationId, w.organisation.id));
    expect(count[0]!.n).toBe(0);
  });

  it('V1/S4: a meeting never goes over another appointment of the host; a series is refused whole, naming the occurrence', async () => {
    const w = await makeWorld();
    await makeAppointment(world.services.db, {
      organisationId: w.organisation.id,
      serviceId: w.inPerson.id,
      providerId: w.provider.id,
      locationId: w.location.id,
      startsAt: new Date(inDays(10).getTime() + 15 * 60_000).toISOString(),
      userIds: [w.patient.id],
    });
    const series = await w.host.post(
      w.base,
      meetingBody(w, { recurrence: { frequency: 'weekly', count: 3 }, startsAt: inDays(3).toISOString() }),
    );
    expect(series.status).toBe(409);
    expect(series.body.error.code).toBe('slot_unavailable');
    expect(series.body.error.fields[0]).toMatchObject({ path: 'occurrences.1', code: 'host_busy' });
    const left = await world.services.db
      .select({ n: sql<number>`count(*)::int` })
      .from(appointments)
      .where(and(eq(appointments.providerId, w.provider.id), eq(appointments.state, 'booked')));
    expect(left[0]!.n).toBe(1);
  });

  it('V3/N3: the invitee declines: off their active list, the host is told who declined; accepting again puts it back', async () => {
    const w = await makeWorld();
    const { body } = await w.host.post(w.base, meetingBody(w));
    const id = body.meetings[0].id;
    const declined = await w.asColleague.post(`${w.base}/${id}/response`, { response: 'declined' });
    expect(declined.status).toBe(200);
    const [told] = await staffMessages(w.provider.id, 'invitee_declined', 1);
    expect(told!.bodyText).toContain('Ines Invitee a refusé votre rencontre vidéo');
    expect((await w.asColleague.get(`${w.base}?view=active`)).body).toEqual([]);
    await w.asColleague.post(`${w.base}/${id}/response`, { response: 'accepted' });
    expect((await w.asColleague.get(`${w.base}?view=active`)).body.map((m: { id: string }) => m.id)).toEqual([
      id,
    ]);
    // Someone not invited learns nothing.
    const stranger = await makeProvider(world.services.db, {
      accountId: w.account.id,
      organisationId: w.organisation.id,
      locationId: w.location.id,
    });
    const client = new Client(world.app);
    await client.signIn(stranger.email, PASSWORD);
    expect((await client.post(`${w.base}/${id}/response`, { response: 'declined' })).status).toBe(404);
    expect((await client.get(`${w.base}/${id}`)).status).toBe(404);
  });

  it('V4/V5: a weekly series; cancelling this one only leaves the others; cancelling the series leaves the past one', async () => {
    const w = await makeWorld();
    const created = await w.host.post(
      w.base,
      meetingBody(w, { recurrence: { frequency: 'weekly', count: 4 } }),
    );
    expect(created.status).toBe(201);
    const ids: string[] = created.body.meetings.map((m: { id: string }) => m.id);
    expect(ids).toHaveLength(4);
    expect(created.body.meetings[0].upcomingInSeries).toBe(4);
    // The first occurrence is over (as if time had passed).
    await world.services.db
      .update(appointments)
      .set({
        startsAt: new Date(Date.now() - DAY),
        endsAt: new Date(Date.now() - DAY + 45 * 60_000),
        busyStartsAt: new Date(Date.now() - DAY),
        busyEndsAt: new Date(Date.now() - DAY + 45 * 60_000),
      })
      .where(eq(appointments.id, ids[0]!));

    const one = await w.host.post(`${w.base}/${ids[1]}/cancel`, { scope: 'this' });
    expect(one.status).toBe(200);
    expect(one.body.cancelled.map((c: { appointmentId: string }) => c.appointmentId)).toEqual([ids[1]]);
    expect(one.body.isPatientNotified).toBe(false);

    const all = await w.asAgent.post(`${w.base}/${ids[3]}/cancel`, { scope: 'series' });
    expect(all.status).toBe(200);
    expect(all.body.cancelled.map((c: { appointmentId: string }) => c.appointmentId).sort()).toEqual(
      [ids[2], ids[3]].sort(),
    );
    const states = await world.services.db
      .select({ id: appointments.id, state: appointments.state })
      .from(appointments)
      .where(eq(appointments.providerId, w.provider.id));
    const stateOf = new Map(states.map((row) => [row.id, row.state]));
    expect(ids.map((id) => stateOf.get(id))).toEqual(['booked', 'cancelled', 'cancelled', 'cancelled']);
    const history = await world.services.db
      .select()
      .from(appointmentHistory)
      .where(and(eq(appointmentHistory.appointmentId, ids[2]!), eq(appointmentHistory.action, 'cancelled')));
    expect(history).toHaveLength(1);
    // Nothing left to cancel: a clear refusal.
    expect((await w.host.post(`${w.base}/${ids[2]}/cancel`, { scope: 'series' })).body.error.code).toBe(
      'appointment_not_active',
    );
  });

  it('V5/N3: a cancellation tells the invitee and the clinic admins per their settings, not a declined invitee; the patient only when asked', async () => {
    const w = await makeWorld();
    const first = await w.host.post(w.base, meetingBody(w, { userId: w.patient.id }));
    const id = first.body.meetings[0].id;
    const cancelled = await w.host.post(`${w.base}/${id}/cancel`, { scope: 'this' });
    expect(cancelled.body.isPatientNotified).toBe(false);
    await staffMessages(w.colleague.id, 'appointment_cancelled', 1);
    await staffMessages(w.admin.id, 'appointment_cancelled', 1);

    const second = await w.host.post(
      w.base,
      meetingBody(w, { userId: w.patient.id, startsAt: inDays(4).toISOString() }),
    );
    const secondId = second.body.meetings[0].id;
    await w.asColleague.post(`${w.base}/${secondId}/response`, { response: 'declined' });
    const told = await w.host.post(`${w.base}/${secondId}/cancel`, { scope: 'this', notifyUser: true });
    expect(told.body.isPatientNotified).toBe(true);
    await staffMessages(w.admin.id, 'appointment_cancelled', 2);
    // The declined invitee got the first cancellation only.
    const invitee = await world.services.db
      .select()
      .from(staffOutbox)
      .where(and(eq(staffOutbox.staffId, w.colleague.id), eq(staffOutbox.event, 'appointment_cancelled')));
    expect(invitee).toHaveLength(1);
    const jobs = await world.services.db.execute(
      sql`select count(*)::int as n from pgboss.job where name = 'notifications.deliver'
          and data->>'appointmentId' = ${secondId} and data->>'kind' = 'appointment_cancelled'`,
    );
    expect((jobs as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThanOrEqual(1);
    const none = await world.services.db.execute(
      sql`select count(*)::int as n from pgboss.job where name = 'notifications.deliver'
          and data->>'appointmentId' = ${id} and data->>'kind' = 'appointment_cancelled'`,
    );
    expect((none as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });

  it('V5: a provider may not cancel another host’s meeting; the invitee cannot either', async () => {
    const w = await makeWorld();
    const { body } = await w.host.post(w.base, meetingBody(w));
    const refused = await w.asColleague.post(`${w.base}/${body.meetings[0].id}/cancel`, { scope: 'this' });
    expect(refused.status).toBe(403);
  });
});
