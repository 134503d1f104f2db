// The follow-up menu (seeds 000/001) through the API on PGlite and PostgreSQL: F1–F5, S6/S7, N5 and R1.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStaff, PASSWORD } from '../../test/factories.ts';
import {
  localDateIn,
  localInstant,
  makeAppointment,
  makeClinic,
  makeService,
  makeUser,
} from '../../test/scheduling-factories.ts';
import { Client, startTestApp, type TestApp } from '../../test/test-app.ts';
import { waitFor } from '../../test/wait.ts';
import { outboxMessages } from '../db/schema.ts';

let world: TestApp;
beforeAll(async () => {
  world = await startTestApp({ worker: true });
});
afterAll(() => world?.close());

const TZ = 'America/Toronto';

async function setup() {
  const { db } = world.services;
  const clinic = await makeClinic(db);
  const service = await makeService(db, clinic.organisation.id, clinic.location.id, {
    nameFr: 'Vaccin grippe',
    nameEn: 'Flu shot',
  });
  const admin = new Client(world.app);
  await admin.signIn(clinic.admin.email, PASSWORD);
  const base = `/api/v1/orgs/${clinic.organisation.id}`;
  const book = async (time: string, fields: Parameters<typeof makeUser>[3] = {}, days = 2) => {
    const user = await makeUser(db, clinic.account.id, clinic.organisation.id, fields);
    const response = await admin.post(`${base}/appointments`, {
      serviceId: service.id,
      providerId: clinic.provider.id,
      startsAt: localInstant(TZ, days, time),
      userIds: [user.id],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const detail = await admin.get(`${base}/appointments/${response.body.id}`);
    return {
      user,
      appointmentId: response.body.id as string,
      participantId: detail.body.participants[0].id as string,
    };
  };
  let pastCount = 0;
  const past = async (fields: Parameters<typeof makeUser>[3] = {}) => {
    pastCount += 1;
    const hour = String(8 + pastCount).padStart(2, '0');
    const user = await makeUser(db, clinic.account.id, clinic.organisation.id, fields);
    const made = await makeAppointment(db, {
      organisationId: clinic.organisation.id,
      serviceId: service.id,
      providerId: clinic.provider.id,
      locationId: clinic.location.id,
      startsAt: localInstant(TZ, -3, `${hour}:00`),
      userIds: [user.id],
    });
    return { user, appointmentId: made.appointment.id, participantId: made.participants[0]!.id };
  };
  const slotsOffered = async () => {
    const date = localDateIn(TZ, 2);
    const response = await world.app.inject({
      url: `/api/v1/public/organisations/${clinic.organisation.slug}/services/${service.id}/slots?from=${date}&to=${date}`,
    });
    return (response.json() as { startsAt: string }[]).map((s) => s.startsAt);
  };
  const period = { from: localInstant(TZ, -7, '00:00'), to: localInstant(TZ, 7, '00:00') };
  const followup = async (query = '') =>
    (await admin.get(`${base}/followup?from=${period.from}&to=${period.to}${query}`)).body;
  const history = async (appointmentId: string) =>
    (await admin.get(`${base}/appointments/${appointmentId}`)).body.history.map(
      (h: { action: string }) => h.action,
    );
  return { ...clinic, service, admin, base, book, past, slotsOffered, followup, history, period };
}

describe('F1 follow-up list', () => {
  it('F1: one row per participant with the User Status column, filtered by provider, service, status and user text', async () => {
    const world1 = await setup();
    const a = await world1.book('09:00', { firstName: 'Éloïse', lastName: 'Tremblay' });
    await world1.book('10:00', { firstName: 'Marc', lastName: 'Roy' });
    const all = await world1.followup();
    expect(all.items).toHaveLength(2);
    expect(all.items[0]).toMatchObject({
      participantId: a.participantId,
      status: 'scheduled',
      isUpcoming: true,
      user: { name: 'Éloïse Tremblay' },
      service: { name: { fr: 'Vaccin grippe', en: 'Flu shot' } },
      provider: { name: 'Paula Provider' },
      location: { name: 'Main' },
    });
    expect(
      (await world1.followup('&q=eloise')).items.map((r: { user: { name: string } }) => r.user.name),
    ).toEqual(['Éloïse Tremblay']);
    expect(
      (await world1.followup(`&providerId=${world1.provider.id}&serviceId=${world1.service.id}`)).items,
    ).toHaveLength(2);
    expect((await world1.followup('&status=present')).items).toEqual([]);
    const page = await world1.followup('&limit=1');
    expect(page.items).toHaveLength(1);
    const next = await world1.followup(`&limit=1&cursor=${page.nextCursor}`);
    expect(next.items[0].user.name).toBe('Marc Roy');
    expect(next.nextCursor).toBeNull();
  });

  it('S6/S7: an appointment’s own page lists its participants (appointmentId) and acts on them through the same batch', async () => {
    const w = await setup();
    const a = await w.book('09:00', { firstName: 'Ana', lastName: 'Own' });
    await w.book('10:00', { firstName: 'Ben', lastName: 'Other' });
    const own = await w.followup(`&appointmentId=${a.appointmentId}`);
    expect(own.items.map((r: { participantId: string }) => r.participantId)).toEqual([a.participantId]);
    const applied = await w.admin.post(`${w.base}/followup/batch`, {
      participantIds: [a.participantId],
      action: 'not_eligible',
      notEligibleMode: 'keep',
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const detail = await w.admin.get(`${w.base}/appointments/${a.appointmentId}`);
    expect(detail.body.participants[0].status).toBe('not_eligible');
    expect(detail.body.history.map((h: { action: string }) => h.action)).toContain('status_changed');
  });
});

describe('F2–F4 batch actions', () => {
  it('F2: Present and Absent on several rows report per row; a cancelled row is refused, the others done', async () => {
    const w = await setup();
    const rows = await Promise.all([w.past(), w.past(), w.past()]);
    await w.admin.post(`${w.base}/followup/batch`, {
      participantIds: [rows[2]!.participantId],
      action: 'cancel',
      notify: 'none',
    });
    const result = await w.admin.post(`${w.base}/followup/batch`, {
      participantIds: rows.map((r) => r.participantId),
      action: 'absent',
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ done: 2, refused: 1 });
    expect(result.body.results[2]).toMatchObject({ outcome: 'refused', code: 'already_cancelled' });
    const statuses = (await w.followup()).items.map((r: { status: string }) => r.status).sort();
    expect(statuses).toEqual(['absent', 'absent', 'cancelled']);
    expect(await w.history(rows[0]!.appointmentId)).toContain('status_changed');
  });

  it('F3: Not eligible on an upcoming appointment needs the choice; "keep" keeps the appointment', async () => {
    const w = await setup();
    const row = await w.book('11:00');
    w.admin.language = 'en';
    const noChoice = await w.admin.post(`${w.base}/followup/batch`, {
      participantIds: [row.participantId],
      action: 'not_eligible',
    });
    expect(noChoice.status).toBe(400);
    expect(noChoice.body.error).toMatchObject({
      code: 'batch_choice_required',
      fields: [{ path: 'notEligibleMode' }],
    });
    const kept = await w.admin.post(`${w.base}/followup/batch`, {
      participantIds: [row.participantId],
      action: 'not_eligible',
      notEligibleMode: 'keep',
    });
    expect(kept.body.results[0]).toMatchObject({ outcome: 'done', status: 'not_eligible' });
    const detail = (await w.admin.get(`${w.base}/appointments/${row.appointmentId}`)).body;
    expect(detail.state).toBe('booked');
    expect(detail.history.map((h: { action: string }) => h.action).slice(0, 2)).toEqual([
      'status_changed',
      'marked_not_eligible',
    ]);
    expect(await w.slotsOffered()).not.toContain(localInstant(TZ, 2, '11:00'));
  });

  it('F3: Not eligible on a past appointment needs no choice: the status becomes not_eligible', async () => {
    const w = await setup();
    const row = await w.past();
    const result = await w.admin.post(`${w.base}/followup/batch`, {
      participantIds: [row.participantId],
      action: 'not_eligible',
    });
    expect(result.body.results[0]).toMatchObject({ outcome: 'done', status: 'not_eligible' });
  });

  it('F3/F4: Not eligible + cancel by email with the freed slot locked: cancelled, email sent, red lock, never offered publicly', async () => {
    const w = await setup();
    const row = await w.book('13:00', { email: 'eloise@example.test', language: 'fr' });
    expect(await w.slotsOffered()).not.toContain(localInstant(TZ, 2, '13:00'));
    const result = await w.admin.post(`${w.base}/followup/batch`, {
      participantIds: [row.participantId],
      action: 'not_eligible',
      notEligibleMode: 'cancel',
      notify: 'email',
      lockSlot: true,
    });
    expect(result.body.results[0]).toMatchObject({ outcome: 'done', status: 'cancelled' });
    expect((await w.followup()).items[0].status).toBe('cancelled');
    expect(await w.slotsOffered()).not.toContain(localInstant(TZ, 2, '13:00'));
    const from = localDateIn(TZ, 2);
    const week = await w.admin.get(`${w.base}/schedule?providerId=${w.provider.id}&from=${from}&to=${from}`);
    expect(week.body.locks.map((l: { startsAt: string }) => l.startsAt)).toEqual([
      localInstant(TZ, 2, '13:00'),
    ]);
    const message = await waitFor(async () => {
      const found = await world.services.db
        .select()
        .from(outboxMessages)
        .where(eq(outboxMessages.userId, row.user.id));
      return found.find((m) => m.kind === 'appointment_cancelled');
    });
    expect(message).toMatchObject({
      channel: 'email',
      kind: 'appointment_cancelled',
      recipient: 'eloise@example.test',
    });
    expect(
      await world.services.boss.findJobs('notifications.deliver', { key: `cancel:${row.participantId}` }),
    ).toHaveLength(1);
    expect(message.subject).toMatch(/^Rendez-vous annulé : Vaccin grippe/);
    const actions = await waitFor(async () => {
      const list = await w.history(row.appointmentId);
      return list.includes('notification_sent') ? list : undefined;
    });
    expect(actions).toEqual(
      expect.arrayContaining(['marked_not_eligible', 'cancelled', 'slot_locked', 'notification_sent']),
    );
    const detail = (await w.admin.get(`${w.base}/appointments/${row.appointmentId}`)).body;
    const cancelled = detail.history.find((h: { action: string }) => h.action === 'cancelled');
    expect(cancelled.details).toMatchObject({ notify: 'email', lockSlot: true, reason: 'not_eligible' });
  });

  it('F4: without the lock, the freed slot is offered on the public portal again at once; Without notice sends nothing (N5)', async () => {
    const w = await setup();
    const row = await w.book('14:00', { email: 'marc@example.test', mobilePhone: '+15145550177' });
    const result = await w.admin.post(`${w.base}/followup/batch`, {
      participantIds: [row.participantId],
      action: 'cancel',
      notify: 'none',
      lockSlot: false,
    });
    expect(result.body.done).toBe(1);
    expect(await w.slotsOffered()).toContain(localInstant(TZ, 2, '14:00'));
    expect(
      await world.services.boss.findJobs('notifications.deliver', { key: `cancel:${row.participantId}` }),
    ).toEqual([]);
    const messages = await world.services.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.userId, row.user.id));
    expect(messages.filter((m) => m.kind === 'appointment_cancelled')).toEqual([]);
  });

  it('F4: SMS is refused without a mobile, email without an email, and both for a past appointment (server-side)', async () => {
    const w = await setup();
    const noMobile = await w.book('15:00', { email: 'only-email@example.test' });
    const sms = await w.admin.post(`${w.base}/followup/batch`, {
      participantIds: [noMobile.participantId],
      action: 'cancel',
      notify: 'sms',
    });
    expect(sms.body.results[0]).toMatchObject({ outcome: 'refused', code: 'channel_unavailable' });
    const noEmail = await w.book('15:30', { mobilePhone: '+15145550178' });
    const email = await w.admin.post(`${w.base}/followup/batch`, {
      participantIds: [noEmail.participantId],
      action: 'cancel',
      notify: 'email',
    });
    expect(email.body.results[0]).toMatchObject({ outcome: 'refused', code: 'channel_unavailable' });
    const old = await w.past({ email: 'past@example.test', mobilePhone: '+15145550179' });
    const pastEmail = await w.admin.post(`${w.base}/followup/batch`, {
      participantIds: [old.participantId],
      action: 'cancel',
      notify: 'email',
    });
    expect(pastEmail.body.results[0]).toMatchObject({ outcome: 'refused', code: 'channel_unavailable' });
    const statuses = (await w.followup()).items.map((r: { status: string }) => r.status);
    expect(statuses.every((s: string) => s === 'scheduled')).toBe(true);
    const okSms = await w.admin.post(`${w.base}/followup/batch`, {
      participantIds: [noEmail.participantId],
      action: 'cancel',
      notify: 'sms',
    });
    expect(okSms.body.results[0]).toMatchObject({ outcome: 'done', status: 'cancelled' });
  });

  it('S6: a provider acts only on their own appointments', async () => {
    const w = await setup();
    const row = await w.book('16:00');
    const other = await makeStaff(world.services.db, w.account.id, [
      { organisationId: w.organisation.id, role: 'provider' },
    ]);
    const client = new Client(world.app);
    await client.signIn(other.email, PASSWORD);
    const refused = await client.post(`${w.base}/followup/batch`, {
      participantIds: [row.participantId],
      action: 'absent',
    });
    expect(refused.body.results[0]).toMatchObject({ outcome: 'refused', code: 'forbidden' });
    const own = await client.get(`${w.base}/followup?from=${w.period.from}&to=${w.period.to}`);
    expect(own.body.items).toEqual([]);
  });
});

describe('R1 reports', () => {
  it('R1/F5: counts by status, group and week reflect batch actions immediately; CSV is UTF-8 with BOM', async () => {
    const w = await setup();
    const rows = await Promise.all([w.past({ firstName: 'Hélène' }), w.past(), w.past()]);
    const upcoming = await w.book('09:30');
    const query = `from=${w.period.from}&to=${w.period.to}&groupBy=service&interval=week`;
    const before = await w.admin.get(`${w.base}/reports/appointments?${query}`);
    expect(before.body.totals, JSON.stringify(before.body)).toMatchObject({ scheduled: 4, present: 0 });
    await w.admin.post(`${w.base}/followup/batch`, {
      participantIds: [rows[0]!.participantId],
      action: 'present',
    });
    await w.admin.post(`${w.base}/followup/batch`, {
      participantIds: [rows[1]!.participantId],
      action: 'absent',
    });
    await w.admin.post(`${w.base}/followup/batch`, {
      participantIds: [rows[2]!.participantId],
      action: 'not_eligible',
    });
    await w.admin.post(`${w.base}/followup/batch`, {
      participantIds: [upcoming.participantId],
      action: 'cancel',
      notify: 'none',
    });
    const after = await w.admin.get(`${w.base}/reports/appointments?${query}`);
    expect(after.body.totals).toEqual({ scheduled: 0, present: 1, absent: 1, not_eligible: 1, cancelled: 1 });
    expect(after.body.total).toBe(4);
    expect(after.body.groups).toEqual([
      { key: w.service.id, label: { fr: 'Vaccin grippe', en: 'Flu shot' }, counts: after.body.totals },
    ]);
    expect(after.body.series.length).toBeGreaterThanOrEqual(1);
    const sum = after.body.series.reduce(
      (n: number, s: { counts: Record<string, number> }) =>
        n + Object.values(s.counts).reduce((a, b) => a + b, 0),
      0,
    );
    expect(sum).toBe(4);
    w.admin.language = 'fr';
    const csv = await w.admin.get(`${w.base}/reports/appointments.csv?${query}`);
    expect(csv.response.headers['content-type']).toMatch(/text\/csv; charset=utf-8/);
    const text = csv.response.body;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('"Date et heure","Usager","Motif","Professionnel","Lieu","Statut de l’usager"');
    expect(lines).toHaveLength(5);
    expect(text).toContain('Hélène');
    expect(text).toContain('"Non admissible"');
    const agentOnly = await makeStaff(world.services.db, w.account.id, [
      { organisationId: w.organisation.id, role: 'provider' },
    ]);
    const provider = new Client(world.app);
    await provider.signIn(agentOnly.email, PASSWORD);
    expect((await provider.get(`${w.base}/reports/appointments?${query}`)).status).toBe(403);
  });
});
