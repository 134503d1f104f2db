// Notifications through the real layers on PGlite and PostgreSQL (N1–N5): each trigger produces exactly
// the expected messages; iCalendar REQUEST/CANCEL parse with ical.js; reminders at the right instant,
// withdrawn on move/cancel; staff settings (N3); a real SMTP server and an SMS provider stand-in on loopback.
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStaff, PASSWORD } from '../../test/factories.ts';
import { localInstant, makeClinic, makeService, makeUser } from '../../test/scheduling-factories.ts';
import { startSmsSink, startSmtpSink, waitFor } from '../../test/sinks.ts';
import { Client, startTestApp, type TestApp } from '../../test/test-app.ts';
import { appointments, outboxMessages, staffOutbox } from '../db/schema.ts';
import { reminderInstant } from './reminders.ts';

const TZ = 'America/Toronto';
let world: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let sms: Awaited<ReturnType<typeof startSmsSink>>;

beforeAll(async () => {
  smtp = await startSmtpSink();
  sms = await startSmsSink({ minDelayMs: 0, maxDelayMs: 1 });
  world = await startTestApp({
    worker: true,
    config: {
      smtpUrl: smtp.url,
      smsProviderUrl: sms.url,
      smsAccountSid: 'AC1',
      mailFrom: 'Clinique <rdv@clinique.test>',
    },
    queue: { retryLimit: 1, retryDelaySeconds: 0, expireSeconds: 60 },
  });
});
afterAll(async () => {
  await world?.close();
  await smtp?.close();
  await sms?.close();
});

async function setup() {
  const { db } = world.services;
  const clinic = await makeClinic(db);
  const service = await makeService(db, clinic.organisation.id, clinic.location.id, {
    nameFr: 'Vaccin',
    nameEn: 'Vaccine',
  });
  const admin = new Client(world.app);
  await admin.signIn(clinic.admin.email, PASSWORD);
  const base = `/api/v1/orgs/${clinic.organisation.id}`;
  const book = async (fields: Parameters<typeof makeUser>[3], days = 10, time = '10:00') => {
    const user = await makeUser(db, clinic.account.id, clinic.organisation.id, fields);
    const response = await admin.post(`${base}/appointments`, {
      serviceId: service.id,
      providerId: clinic.provider.id,
      startsAt: localInstant(TZ, days, time),
      userIds: [user.id],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return { user, appointmentId: response.body.id as string };
  };
  return { ...clinic, service, admin, base, book };
}

const messagesOf = (userId: string) =>
  world.services.db.select().from(outboxMessages).where(eq(outboxMessages.userId, userId));
const untilMessages = (userId: string, count: number) =>
  waitFor(async () => {
    const rows = await messagesOf(userId);
    return rows.length >= count && rows.every((r) => r.status !== 'sending') ? rows : undefined;
  });
const reminderJobs = (appointmentId: string, sequence: number, state?: string) =>
  world.services.boss
    .findJobs<{ appointmentId: string }>('notifications.reminder', {
      key: `reminder:${appointmentId}:${sequence}:0`,
    })
    .then((jobs) => jobs.filter((job) => !state || job.state === state));

function parseIcs(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: event.getFirstPropertyValue('status'),
    organizer: String(event.getFirstPropertyValue('organizer')),
    hasStamp: Boolean(event.getFirstPropertyValue('dtstamp')),
  };
}

describe('N2 user messages per trigger', () => {
  it('N2/N1: a staff booking confirms by email (with a REQUEST .ics) and by SMS, in the user’s language, through SMTP and the SMS provider', async () => {
    const w = await setup();
    const { user, appointmentId } = await w.book({
      firstName: 'Hélène',
      email: 'helene@example.test',
      mobilePhone: '+15145550140',
      language: 'fr',
    });
    const messages = await untilMessages(user.id, 2);
    expect(messages.map((m) => `${m.kind}/${m.channel}/${m.status}`).sort()).toEqual([
      'appointment_confirmation/email/sent',
      'appointment_confirmation/sms/sent',
    ]);
    const email = messages.find((m) => m.channel === 'email')!;
    expect(email.subject).toMatch(/^Rendez-vous confirmé : Vaccin/);
    expect(email.transport).toBe('smtp');
    const ics = parseIcs(email.ics!);
    expect(ics).toMatchObject({
      method: 'REQUEST',
      uid: `${appointmentId}@creneau`,
      sequence: 0,
      status: 'CONFIRMED',
      hasStamp: true,
    });
    expect(ics.organizer).toContain('rdv@clinique.test');
    const received = await waitFor(() => smtp.received.find((m) => m.to === 'helene@example.test'));
    expect(received.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const attached = received.raw.match(/BEGIN:VCALENDAR[\s\S]*END:VCALENDAR/);
    expect(attached).not.toBeNull();
    const text = messages.find((m) => m.channel === 'sms')!;
    expect(text.segments).toBe(1);
    expect(text.bodyText.length).toBeLessThanOrEqual(160);
    expect(text.bodyText).not.toContain('Hélène');
    const delivered = await waitFor(() => sms.delivered.find((m) => m.to === '+15145550140'));
    expect(delivered.token).toBe(`confirmation:${appointmentId}:0:${user.id}:sms`);
    const history = await waitFor(async () => {
      const list = (await w.admin.get(`${w.base}/appointments/${appointmentId}`)).body.history;
      return list.filter((h: { action: string }) => h.action === 'notification_sent').length === 2
        ? list
        : undefined;
    });
    expect(history.length).toBeGreaterThan(2);
  });

  it('N5: nothing on a channel the user turned off, nothing without a contact', async () => {
    const w = await setup();
    const { user } = await w.book({
      email: 'quiet@example.test',
      mobilePhone: '+15145550141',
      notifyBySms: false,
    });
    const messages = await untilMessages(user.id, 1);
    expect(messages.map((m) => m.channel)).toEqual(['email']);
    const silent = await w.book({}, 10, '11:00');
    expect(
      await world.services.boss.findJobs('notifications.deliver', {
        key: `confirmation:${silent.appointmentId}:0:${silent.user.id}`,
      }),
    ).toEqual([]);
  });

  it('N2/S8: a move sends the moved message with the same UID and a higher SEQUENCE, and reschedules the reminder', async () => {
    const w = await setup();
    const { user, appointmentId } = await w.book({ email: 'move@example.test' }, 10, '09:00');
    await untilMessages(user.id, 1);
    const [planned] = await reminderJobs(appointmentId, 0);
    const [row] = await world.services.db
      .select()
      .from(appointments)
      .where(eq(appointments.id, appointmentId));
    expect(planned!.startAfter.toISOString()).toBe(
      reminderInstant(row!.startsAt, { type: 'days_before_at', days: 2, time: '09:00' }, TZ).toISOString(),
    );
    const moved = await w.admin.post(`${w.base}/appointments/${appointmentId}/move`, {
      startsAt: localInstant(TZ, 12, '14:00'),
    });
    expect(moved.status).toBe(200);
    const messages = await untilMessages(user.id, 2);
    const email = messages.find((m) => m.kind === 'appointment_moved')!;
    expect(parseIcs(email.ics!)).toMatchObject({
      method: 'REQUEST',
      uid: `${appointmentId}@creneau`,
      sequence: 1,
    });
    expect((await reminderJobs(appointmentId, 0)).map((j) => j.state)).toEqual(['cancelled']);
    const [next] = await reminderJobs(appointmentId, 1);
    expect(next!.startAfter.toISOString()).toBe(
      reminderInstant(
        new Date(localInstant(TZ, 12, '14:00')),
        { type: 'days_before_at', days: 2, time: '09:00' },
        TZ,
      ).toISOString(),
    );
  });

  it('N2/F4: a cancellation by email carries METHOD:CANCEL, STATUS:CANCELLED, the same UID and a higher SEQUENCE; the reminder is withdrawn', async () => {
    const w = await setup();
    const { user, appointmentId } = await w.book({ email: 'cancel@example.test' }, 10, '13:00');
    await untilMessages(user.id, 1);
    const detail = await w.admin.get(`${w.base}/appointments/${appointmentId}`);
    await w.admin.post(`${w.base}/followup/batch`, {
      participantIds: [detail.body.participants[0].id],
      action: 'cancel',
      notify: 'email',
    });
    const messages = await untilMessages(user.id, 2);
    const cancel = messages.find((m) => m.kind === 'appointment_cancelled')!;
    expect(parseIcs(cancel.ics!)).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      uid: `${appointmentId}@creneau`,
      sequence: 1,
    });
    expect((await reminderJobs(appointmentId, 0)).map((j) => j.state)).toEqual(['cancelled']);
    const received = await waitFor(() =>
      smtp.received.find((m) => m.to === 'cancel@example.test' && /method=CANCEL/i.test(m.raw)),
    );
    expect(received.raw).toContain('STATUS:CANCELLED');
  });

  it('N2: staff send the reminder now; a reminder of an outdated sequence (moved since) sends nothing', async () => {
    const w = await setup();
    const { user, appointmentId } = await w.book(
      { email: 'remind@example.test', language: 'en' },
      10,
      '15:00',
    );
    await untilMessages(user.id, 1);
    expect((await w.admin.post(`${w.base}/appointments/${appointmentId}/send-reminder`)).status).toBe(200);
    const messages = await untilMessages(user.id, 2);
    const reminder = messages.find((m) => m.kind === 'appointment_reminder')!;
    expect(reminder.subject).toMatch(/^Reminder: Vaccine/);
    await world.services.boss.send('notifications.reminder', { appointmentId, sequence: 7, ruleIndex: 0 });
    const stale = await world.services.boss.findJobs('notifications.reminder', {
      data: { appointmentId, sequence: 7 },
    });
    await waitFor(
      async () =>
        (await world.services.boss.getJobById('notifications.reminder', stale[0]!.id))?.state === 'completed',
    );
    expect(await messagesOf(user.id)).toHaveLength(2);
  });

  it('N2/N4: a due reminder job delivers on each reachable channel, in the user’s language, and only once when its job runs twice', async () => {
    const w = await setup();
    const { user, appointmentId } = await w.book(
      { email: 'due@example.test', mobilePhone: '+15145550177', language: 'fr' },
      12,
      '11:00',
    );
    await untilMessages(user.id, 2);
    // The planned job (due in 10 days) and a second run of the same reminder, both due now.
    const due = { appointmentId, sequence: 0, ruleIndex: 0 };
    await world.services.boss.send('notifications.reminder', due);
    await world.services.boss.send('notifications.reminder', due);
    const reminders = async () =>
      (await messagesOf(user.id)).filter((m) => m.kind === 'appointment_reminder');
    await waitFor(async () => {
      const jobs = await world.services.boss.findJobs('notifications.reminder', { data: due });
      return jobs.filter((job) => job.state === 'completed').length === 2 ? jobs : undefined;
    });
    const sent = await reminders();
    expect(sent.map((m) => `${m.channel}:${m.status}`).sort()).toEqual(['email:sent', 'sms:sent']);
    expect(sent.find((m) => m.channel === 'email')!.subject).toMatch(/^Rappel/);
    expect(sms.delivered.filter((m) => m.to === '+15145550177' && /rappel/.test(m.body))).toHaveLength(1);
    const history = (await w.admin.get(`${w.base}/appointments/${appointmentId}`)).body.history.filter(
      (h: { action: string; details: { kind?: string } }) =>
        h.action === 'notification_sent' && h.details.kind === 'appointment_reminder',
    );
    expect(history).toHaveLength(2);
  });
});

describe('N1 delivery status and failures', () => {
  it('N1: the SMS provider’s status callback marks the message delivered or failed, visible in the outbox and the history', async () => {
    const w = await setup();
    const { user, appointmentId } = await w.book({ mobilePhone: '+15145550142' });
    const [message] = await untilMessages(user.id, 1);
    expect(message!.providerMessageId).toMatch(/^SM/);
    const callback = await world.app.inject({
      method: 'POST',
      url: '/api/v1/public/sms/status',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `MessageSid=${message!.providerMessageId}&MessageStatus=undelivered&ErrorCode=30003`,
    });
    expect(callback.statusCode).toBe(204);
    const outbox = await w.admin.get(`${w.base}/outbox?appointmentId=${appointmentId}`);
    expect(outbox.body[0]).toMatchObject({ status: 'failed', channel: 'sms', segments: 1 });
    const history = (await w.admin.get(`${w.base}/appointments/${appointmentId}`)).body.history.map(
      (h: { action: string }) => h.action,
    );
    expect(history).toContain('notification_failed');
  });

  it('N4: a failing provider is retried, then the failure is recorded; after repeated failures the user record warns', async () => {
    const w = await setup();
    sms.failWith = 500;
    try {
      const booked = [];
      for (const time of ['09:00', '09:30', '10:00'])
        booked.push(await w.book({ mobilePhone: '+15145550143' }, 11, time));
      const user = booked[0]!.user;
      for (const b of booked) {
        await waitFor(async () => {
          const [row] = await messagesOf(b.user.id);
          return row?.status === 'failed' ? row : undefined;
        }, 30_000);
      }
      const history = (
        await w.admin.get(`${w.base}/appointments/${booked[0]!.appointmentId}`)
      ).body.history.map((h: { action: string }) => h.action);
      expect(history).toContain('notification_failed');
      expect((await w.admin.get(`${w.base}/users/${user.id}`)).body.warnings).not.toContain(
        'notifications_failing',
      );
    } finally {
      sms.failWith = undefined;
    }
    const w2 = await setup();
    sms.failWith = 500;
    try {
      const user = await makeUser(world.services.db, w2.account.id, w2.organisation.id, {
        mobilePhone: '+15145550144',
      });
      for (const time of ['09:00', '09:30', '10:00']) {
        await w2.admin.post(`${w2.base}/appointments`, {
          serviceId: w2.service.id,
          providerId: w2.provider.id,
          startsAt: localInstant(TZ, 11, time),
          userIds: [user.id],
        });
      }
      await waitFor(async () => {
        const rows = await messagesOf(user.id);
        return rows.length === 3 && rows.every((r) => r.status === 'failed') ? rows : undefined;
      }, 30_000);
      expect((await w2.admin.get(`${w2.base}/users/${user.id}`)).body.warnings).toContain(
        'notifications_failing',
      );
    } finally {
      sms.failWith = undefined;
    }
  });
});

describe('N3 staff notification settings', () => {
  it('N3: a provider edits only their own settings; an admin edits a provider’s; the provider is told per settings', async () => {
    const w = await setup();
    const provider = new Client(world.app);
    await provider.signIn(w.provider.email, PASSWORD);
    const other = await makeStaff(world.services.db, w.account.id, [
      { organisationId: w.organisation.id, role: 'provider' },
    ]);
    const path = (staffId: string) => `${w.base}/staff/${staffId}/notification-settings`;
    expect(
      (
        await provider.put(path(other.id), {
          settings: [{ event: 'appointment_created', email: true, sms: false }],
        })
      ).status,
    ).toBe(403);
    const defaults = await provider.get(path(w.provider.id));
    expect(defaults.body).toEqual([
      { event: 'appointment_created', email: false, sms: false },
      { event: 'appointment_cancelled', email: false, sms: false },
      { event: 'invited_to_meeting', email: false, sms: false },
      { event: 'invitee_declined', email: false, sms: false },
    ]);
    const byAdmin = await w.admin.put(path(w.provider.id), {
      settings: [{ event: 'appointment_created', email: true, sms: false }],
    });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body[0]).toEqual({ event: 'appointment_created', email: true, sms: false });
    await w.book({ firstName: 'Zoé', lastName: 'Lapointe' }, 10, '16:00');
    const sent = await waitFor(async () => {
      const rows = await world.services.db
        .select()
        .from(staffOutbox)
        .where(and(eq(staffOutbox.staffId, w.provider.id), eq(staffOutbox.event, 'appointment_created')));
      return rows.length ? rows : undefined;
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ channel: 'email', recipient: w.provider.email });
    expect(sent[0]!.bodyText).toContain('Zoé Lapointe');
  });
});
