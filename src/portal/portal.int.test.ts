// The public portal and the user space through the API on PGlite and PostgreSQL: P1–P4, U4 (user side),
// U9, U10, S10 — bans reveal nothing, rules per service, the cancellation cut-off at its boundary,
// guest matching, preferences locking staff edits.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../../test/factories.ts';
import { localInstant, makeClinic, makeService, makeUser } from '../../test/scheduling-factories.ts';
import { Client, startTestApp, type TestApp } from '../../test/test-app.ts';
import { hashPassword } from '../auth/password.ts';
import { appointments, portalAccounts, userOrganisations, users } from '../db/schema.ts';

const TZ = 'America/Toronto';
let world: TestApp;
beforeAll(async () => {
  world = await startTestApp();
});
afterAll(() => world?.close());

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
  const slug = clinic.organisation.slug;
  let slotHour = 9;
  const hold = async (serviceId = service.id, startsAt?: string) => {
    const at = startsAt ?? localInstant(TZ, 3, `${String(slotHour++).padStart(2, '0')}:00`);
    const response = await world.app.inject({
      method: 'POST',
      url: `/api/v1/public/organisations/${slug}/holds`,
      payload: { serviceId, providerId: clinic.provider.id, startsAt: at },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().token as string;
  };
  // Each test client comes from its own address: the per-address limit is tested on its own below.
  const guestBooking = (
    holdToken: string,
    guest: Record<string, unknown>,
    language = 'fr',
    client?: Client,
  ) =>
    (client ?? new Client(world.app)).request(
      'POST',
      `/api/v1/public/organisations/${slug}/bookings`,
      { holdToken, guest },
      { 'accept-language': language, 'x-forwarded-for': randomAddress() },
    );
  return { ...clinic, service, admin, base, slug, hold, guestBooking };
}

const randomAddress = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function makePortalUser(
  w: Awaited<ReturnType<typeof setup>>,
  fields: Partial<typeof users.$inferInsert> = {},
) {
  const { db } = world.services;
  const email = `p${Math.random().toString(36).slice(2, 8)}@example.test`;
  const user = await makeUser(db, w.account.id, w.organisation.id, { email, ...fields });
  await db.insert(portalAccounts).values({
    userId: user.id,
    email,
    passwordHash: await hashPassword('portal-password-1'),
    emailVerifiedAt: new Date(),
  });
  const client = new Client(world.app);
  const signIn = await client.post('/api/v1/portal/sign-in', { email, password: 'portal-password-1' });
  expect(signIn.status).toBe(200);
  client.csrfToken = (await client.get('/api/v1/portal/session')).body.csrfToken;
  return { user, client };
}

describe('P1 booking as a guest', () => {
  it('P1: a guest books a held slot; the confirmation gives the organisation’s phone and an .ics; a new record is created in the organisation', async () => {
    const w = await setup();
    const booked = await w.guestBooking(await w.hold(), {
      firstName: 'Noémie',
      lastName: 'Fortin',
      email: 'noemie@example.test',
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body.organisation).toMatchObject({ name: w.organisation.name, phone: '+15145550100' });
    expect(booked.body.ics).toContain('METHOD:REQUEST');
    const [record] = await world.services.db
      .select()
      .from(users)
      .where(eq(users.email, 'noemie@example.test'));
    const links = await world.services.db
      .select()
      .from(userOrganisations)
      .where(eq(userOrganisations.userId, record!.id));
    expect(links.map((l) => l.organisationId)).toEqual([w.organisation.id]);
    const [appointment] = await world.services.db
      .select()
      .from(appointments)
      .where(eq(appointments.id, booked.body.appointmentId));
    expect(appointment!.state).toBe('booked');
  });

  it('P1: a guest is matched to the existing record by contact and last name (accents ignored) rather than duplicated', async () => {
    const w = await setup();
    const existing = await makeUser(world.services.db, w.account.id, w.organisation.id, {
      firstName: 'Éloïse',
      lastName: 'Bélanger',
      mobilePhone: '+15145550160',
    });
    const booked = await w.guestBooking(await w.hold(), {
      firstName: 'Eloise',
      lastName: 'BELANGER',
      mobilePhone: '514-555-0160',
    });
    expect(booked.status).toBe(201);
    const rows = await world.services.db.select().from(users).where(eq(users.mobilePhone, '+15145550160'));
    expect(rows.map((r) => r.id)).toEqual([existing.id]);
    const stranger = await w.guestBooking(await w.hold(), {
      firstName: 'Autre',
      lastName: 'Personne',
      mobilePhone: '514-555-0160',
    });
    expect(stranger.status).toBe(201);
    expect(
      await world.services.db.select().from(users).where(eq(users.mobilePhone, '+15145550160')),
    ).toHaveLength(2);
  });

  it('P1: a guest must give an email or a mobile; an expired or unknown hold is refused clearly', async () => {
    const w = await setup();
    const token = await w.hold();
    const noContact = await w.guestBooking(token, { firstName: 'A', lastName: 'B' }, 'en');
    expect(noContact.status).toBe(400);
    expect(noContact.body.error.code).toBe('contact_required');
    const unknown = await w.guestBooking('x'.repeat(43), {
      firstName: 'A',
      lastName: 'B',
      email: 'a@b.test',
    });
    expect(unknown.status).toBe(410);
    expect(unknown.body.error.code).toBe('hold_invalid');
  });
});

describe('P1 protection against automated mass booking', () => {
  it('P1: one address may book a few times, then gets 429; one contact likewise, whatever the address', async () => {
    const w = await setup();
    const address = randomAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await new Client(world.app).request(
        'POST',
        `/api/v1/public/organisations/${w.slug}/bookings`,
        { holdToken: 'y'.repeat(43), guest: { firstName: 'A', lastName: 'B', email: `n${i}@example.test` } },
        { 'x-forwarded-for': address, 'accept-language': 'en' },
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 410)).toBe(true);
    expect(statuses[10]).toBe(429);
    const perContact: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await w.guestBooking(await w.hold(), {
        firstName: 'Même',
        lastName: 'Personne',
        email: 'meme@example.test',
      });
      perContact.push(response.status);
    }
    expect(perContact).toEqual([201, 201, 201, 201, 201, 429]);
  });
});

describe('P2/P3 banned clients and service rules', () => {
  async function banned(w: Awaited<ReturnType<typeof setup>>, messages: { fr?: string; en?: string } = {}) {
    const tag = await w.admin.post(`/api/v1/accounts/${w.account.id}/tags`, {
      label: `Banni ${Math.random().toString(36).slice(2, 6)}`,
      type: 'banned',
      color: '#c92a2a',
      bannedMessageFr: messages.fr ?? null,
      bannedMessageEn: messages.en ?? null,
    });
    expect(tag.status).toBe(201);
    return tag.body.id as string;
  }

  it('P2: a banned guest matched by email sees only the tag’s message in their language; nothing is booked', async () => {
    const w = await setup();
    const tagId = await banned(w, { fr: 'Veuillez appeler la clinique.', en: 'Please call the clinic.' });
    const user = await makeUser(world.services.db, w.account.id, w.organisation.id, {
      lastName: 'Banni',
      email: 'banni@example.test',
    });
    expect((await w.admin.put(`${w.base}/users/${user.id}/tags`, { tagIds: [tagId] })).status).toBe(200);
    const fr = await w.guestBooking(
      await w.hold(),
      { firstName: 'X', lastName: 'Banni', email: 'banni@example.test' },
      'fr',
    );
    expect(fr.status).toBe(409);
    expect(fr.body).toEqual({ error: { code: 'not_available', message: 'Veuillez appeler la clinique.' } });
    const en = await w.guestBooking(
      await w.hold(),
      { firstName: 'X', lastName: 'Banni', email: 'banni@example.test' },
      'en',
    );
    expect(en.body).toEqual({ error: { code: 'not_available', message: 'Please call the clinic.' } });
    const list = await w.admin.get(`${w.base}/users/${user.id}/appointments`);
    expect(list.body).toEqual([]);
  });

  it('P2: with no message the default is shown, identical in status and shape to any other unavailability (nothing reveals the ban)', async () => {
    const w = await setup();
    const tagId = await banned(w);
    const user = await makeUser(world.services.db, w.account.id, w.organisation.id, {
      lastName: 'Sansmessage',
      email: 'sans@example.test',
    });
    await w.admin.put(`${w.base}/users/${user.id}/tags`, { tagIds: [tagId] });
    const ban = await w.guestBooking(
      await w.hold(),
      { firstName: 'X', lastName: 'Sansmessage', email: 'sans@example.test' },
      'fr',
    );
    // Another unavailability: the service stops being bookable online between the hold and the booking.
    const token = await w.hold();
    await w.admin.patch(`${w.base}/services/${w.service.id}`, { bookableOnline: false });
    const closed = await w.guestBooking(
      token,
      { firstName: 'Y', lastName: 'Quelconque', email: 'y@example.test' },
      'fr',
    );
    expect(ban.status).toBe(closed.status);
    expect(ban.body).toEqual(closed.body);
    expect(ban.body).toEqual({
      error: { code: 'not_available', message: "Désolé, ceci n'est pas disponible en ce moment" },
    });
    expect(Object.keys(ban.response.headers).sort()).toEqual(Object.keys(closed.response.headers).sort());
    await w.admin.patch(`${w.base}/services/${w.service.id}`, { bookableOnline: true });
    const en = await w.guestBooking(
      await w.hold(),
      { firstName: 'X', lastName: 'Sansmessage', email: 'sans@example.test' },
      'en',
    );
    expect(en.body.error.message).toBe('Sorry, this is not available at the moment');
  });

  it('P2: a signed-in banned client is refused the same way; the freed hold is offered again', async () => {
    const w = await setup();
    const tagId = await banned(w, { en: 'Contact us.' });
    const { user, client } = await makePortalUser(w, { language: 'en' });
    await w.admin.put(`${w.base}/users/${user.id}/tags`, { tagIds: [tagId] });
    const startsAt = localInstant(TZ, 4, '10:00');
    const token = await w.hold(w.service.id, startsAt);
    const refused = await client.request(
      'POST',
      `/api/v1/public/organisations/${w.slug}/bookings`,
      { holdToken: token },
      { 'accept-language': 'en', 'x-forwarded-for': randomAddress() },
    );
    expect(refused.body).toEqual({ error: { code: 'not_available', message: 'Contact us.' } });
    expect(await w.hold(w.service.id, startsAt)).toBeTruthy();
  });

  it('U10/P3: a service rule on tag X refuses that service only, with the same neutral message', async () => {
    const w = await setup();
    const tag = await w.admin.post(`/api/v1/accounts/${w.account.id}/tags`, {
      label: 'Suivi externe',
      type: 'normal',
    });
    const rule = await w.admin.put(`${w.base}/services/${w.service.id}/tag-rules`, { tagIds: [tag.body.id] });
    expect(rule.body).toEqual({ tagIds: [tag.body.id] });
    const other = await makeService(world.services.db, w.organisation.id, w.location.id, {
      nameFr: 'Autre',
      nameEn: 'Other',
    });
    const user = await makeUser(world.services.db, w.account.id, w.organisation.id, {
      lastName: 'Regle',
      email: 'regle@example.test',
    });
    await w.admin.put(`${w.base}/users/${user.id}/tags`, { tagIds: [tag.body.id] });
    const refused = await w.guestBooking(await w.hold(), {
      firstName: 'R',
      lastName: 'Regle',
      email: 'regle@example.test',
    });
    expect(refused.body).toEqual({
      error: { code: 'not_available', message: "Désolé, ceci n'est pas disponible en ce moment" },
    });
    const allowed = await w.guestBooking(await w.hold(other.id), {
      firstName: 'R',
      lastName: 'Regle',
      email: 'regle@example.test',
    });
    expect(allowed.status).toBe(201);
  });

  it('U9: tags are internal — the public API never returns them; staff see them on the record', async () => {
    const w = await setup();
    const tag = await w.admin.post(`/api/v1/accounts/${w.account.id}/tags`, {
      label: 'VIP',
      type: 'normal',
      color: '#1971c2',
    });
    const user = await makeUser(world.services.db, w.account.id, w.organisation.id);
    await w.admin.put(`${w.base}/users/${user.id}/tags`, { tagIds: [tag.body.id] });
    expect(
      (await w.admin.get(`${w.base}/users/${user.id}/tags`)).body.map((t: { label: string }) => t.label),
    ).toEqual(['VIP']);
    const history = await w.admin.get(`${w.base}/users/${user.id}/history`);
    expect(history.body[0].changes).toEqual([{ field: 'tags', from: [], to: ['VIP'] }]);
    const publicPage = await world.app.inject({ url: `/api/v1/public/organisations/${w.slug}` });
    expect(publicPage.body).not.toContain('VIP');
    const duplicate = await w.admin.post(`/api/v1/accounts/${w.account.id}/tags`, {
      label: 'vip',
      type: 'normal',
    });
    expect(duplicate.status).toBe(409);
  });
});

describe('P4 user space', () => {
  it('P4: my appointments; cancel up to 4 hours before; after the cut-off the message gives the organisation’s phone', async () => {
    const w = await setup();
    const { user, client } = await makePortalUser(w, { language: 'fr' });
    const book = async (startsAt: Date) => {
      const [appointment] = await world.services.db
        .insert(appointments)
        .values({
          organisationId: w.organisation.id,
          serviceId: w.service.id,
          providerId: w.provider.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 60_000),
          busyStartsAt: startsAt,
          busyEndsAt: new Date(startsAt.getTime() + 60_000),
          state: 'booked',
        })
        .returning();
      const { participants } = await import('../db/schema.ts');
      const [participant] = await world.services.db
        .insert(participants)
        .values({ appointmentId: appointment!.id, userId: user.id, status: 'scheduled' })
        .returning();
      return participant!.id;
    };
    const justInside = await book(new Date(Date.now() + 4 * 3_600_000 + 60_000));
    const justOutside = await book(new Date(Date.now() + 4 * 3_600_000 - 60_000));
    const mine = await client.get('/api/v1/portal/appointments');
    expect(
      mine.body
        .map((a: { participantId: string; canCancel: boolean }) => [a.participantId, a.canCancel])
        .sort(),
    ).toEqual(
      [
        [justInside, true],
        [justOutside, false],
      ].sort(),
    );
    const late = await client.post(`/api/v1/portal/appointments/${justOutside}/cancel`);
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({
      code: 'cancellation_too_late',
      details: { phone: '+15145550100' },
    });
    expect(late.body.error.message).toContain('+15145550100');
    const ok = await client.post(`/api/v1/portal/appointments/${justInside}/cancel`);
    expect(ok.status).toBe(200);
    const after = await client.get('/api/v1/portal/appointments');
    expect(after.body.find((a: { participantId: string }) => a.participantId === justInside).status).toBe(
      'cancelled',
    );
    const someoneElse = await makePortalUser(w);
    expect((await someoneElse.client.post(`/api/v1/portal/appointments/${justOutside}/cancel`)).status).toBe(
      404,
    );
  });

  it('U4/P4: changing preferences in the user space locks them for staff, who then get a refusal', async () => {
    const w = await setup();
    const { user, client } = await makePortalUser(w);
    const changed = await client.put('/api/v1/portal/preferences', { notifyBySms: false, language: 'en' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ notifyBySms: false, language: 'en' });
    const record = await w.admin.get(`${w.base}/users/${user.id}`);
    expect(record.body.preferencesLocked).toBe(true);
    expect((await w.admin.patch(`${w.base}/users/${user.id}`, { notifyBySms: true })).status).toBe(409);
    const history = await w.admin.get(`${w.base}/users/${user.id}/history`);
    expect(history.body[0]).toMatchObject({ action: 'preferences_changed', actor: 'user' });
  });

  it('P4: the user space needs a signed-in portal account and its CSRF token; staff sessions do not open it', async () => {
    const w = await setup();
    expect((await new Client(world.app).get('/api/v1/portal/appointments')).status).toBe(401);
    expect((await w.admin.get('/api/v1/portal/appointments')).status).toBe(401);
    const { client } = await makePortalUser(w);
    client.csrfToken = undefined;
    expect((await client.put('/api/v1/portal/preferences', { notifyBySms: false })).status).toBe(403);
    const wrong = await new Client(world.app).post('/api/v1/portal/sign-in', {
      email: 'nobody@example.test',
      password: 'whatever-1',
    });
    expect(wrong.status).toBe(401);
  });
});
