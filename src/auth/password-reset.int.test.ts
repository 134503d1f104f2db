// "Forgot your password?" for staff through the API on PGlite and PostgreSQL (A1): the request answers the
// same for any address and does the same work for each (one job); a staff member's address gets one email
// in their language with a one-hour single-use link (only its hash stored); the link sets a new password,
// ends every session of theirs and signs them in; used, expired, replaced or unknown links are refused; the
// hourly cap holds. An admin of the organisation may send the same link; nobody else may.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeOrganisation, makeStaff, PASSWORD } from '../../test/factories.ts';
import {
  passwordResetRequests,
  randomAddress,
  jobsSettled as sharedJobsSettled,
  uniqueEmail,
} from '../../test/password-reset.ts';
import { Client, startTestApp, type TestApp } from '../../test/test-app.ts';
import { staff, staffOutbox, staffPasswordResets } from '../db/schema.ts';
import { STAFF_RESET_HOURS, STAFF_RESETS_PER_HOUR } from './password-reset-links.ts';
import { hashToken } from './sessions.ts';

let world: TestApp;
beforeAll(async () => {
  world = await startTestApp({ worker: true });
});
afterAll(() => world?.close());

const NEW_SECRET = 'a-brand-new-secret-2';
const linkToken = (text: string) => /\/reset-password\/([\w-]+)/.exec(text)![1]!;
const { askReset, signIn, followLink, previewLink } = passwordResetRequests(() => world, {
  resets: '/api/v1/auth/password-resets',
  signIn: '/api/v1/auth/sign-in',
});
const jobsSettled = () =>
  sharedJobsSettled(world, ['auth.send-password-reset', 'notifications.staff-account']);

async function resetMessagesTo(recipient: string) {
  await jobsSettled();
  return world.services.db
    .select()
    .from(staffOutbox)
    .where(and(eq(staffOutbox.recipient, recipient), eq(staffOutbox.event, 'staff_password_reset')))
    .orderBy(staffOutbox.createdAt);
}

async function resetLinksOf(staffId: string) {
  return world.services.db.select().from(staffPasswordResets).where(eq(staffPasswordResets.staffId, staffId));
}

/** A provider of a new clinic (with its admin), speaking `language`. */
async function clinicWithProvider(language: 'fr' | 'en' = 'fr') {
  const { db } = world.services;
  const { account, organisation, admin } = await makeAccount(db);
  const provider = await makeStaff(db, account.id, [{ organisationId: organisation.id, role: 'provider' }]);
  await db.update(staff).set({ language }).where(eq(staff.id, provider.id));
  return { account, organisation, admin, provider, email: provider.email };
}

/** Asks for a link and returns the token from the email the worker wrote. */
async function resetToken(email: string, count = 1) {
  expect((await askReset(email)).status).toBe(202);
  const messages = await resetMessagesTo(email);
  expect(messages).toHaveLength(count);
  return linkToken(messages.at(-1)!.bodyText);
}

async function signedIn(email: string) {
  const client = new Client(world.app);
  await client.request(
    'POST',
    '/api/v1/auth/sign-in',
    { email, password: PASSWORD },
    {
      'x-forwarded-for': randomAddress(),
    },
  );
  const session = await client.get('/api/v1/auth/session');
  client.csrfToken = session.body.csrfToken;
  return client;
}

describe('A1 staff forgotten password: asking for a link', () => {
  it('A1: an unknown and a known address get the same answer and cost the same work; only the known one receives one email, in the staff member’s language, with a one-hour link whose token is stored hashed', async () => {
    const { email, provider, organisation } = await clinicWithProvider('en');
    const nobody = uniqueEmail('nobody');
    const unknown = await askReset(nobody);
    const known = await askReset(` ${email.toUpperCase()} `);
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(known.body).toEqual({ ok: true });
    const jobs = await world.services.db.execute(
      sql`select data->>'email' as email from pgboss.job where name = 'auth.send-password-reset'
          and data->>'email' in (${nobody}, ${email})`,
    );
    expect((jobs as unknown as { rows: { email: string }[] }).rows.map((row) => row.email).sort()).toEqual(
      [email, nobody].sort(),
    );

    const messages = await resetMessagesTo(email);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    // Asked in French, written in the staff member's language.
    expect(message!.staffId).toBe(provider.id);
    expect(message!.organisationId).toBe(organisation.id);
    expect(message!.channel).toBe('email');
    expect(message!.subject).toBe(`${organisation.name}: choose a new password`);
    expect(message!.bodyText).toContain('expires in one hour');
    expect(message!.bodyText).toContain(`${world.services.config.publicUrl}/reset-password/`);
    const token = linkToken(message!.bodyText);
    expect(message!.bodyHtml).toContain(
      `<a href="${world.services.config.publicUrl}/reset-password/${token}">`,
    );
    const [link] = await resetLinksOf(provider.id);
    expect(link!.tokenHash).toBe(hashToken(token));
    expect(link!.createdByStaffId).toBeNull();
    const lifetime = link!.expiresAt.getTime() - link!.createdAt.getTime();
    expect(Math.abs(lifetime - STAFF_RESET_HOURS * 3_600_000)).toBeLessThan(60_000);

    expect(await resetMessagesTo(nobody)).toHaveLength(0);
    const [anyToNobody] = await world.services.db
      .select({ n: sql<number>`count(*)::int` })
      .from(staffOutbox)
      .where(eq(staffOutbox.recipient, nobody));
    expect(anyToNobody!.n).toBe(0);
  });

  it('A1: a French-speaking staff member gets the email in French', async () => {
    const { email, organisation } = await clinicWithProvider('fr');
    await resetToken(email);
    const [message] = await resetMessagesTo(email);
    expect(message!.subject).toBe(`${organisation.name} : choisissez un nouveau mot de passe`);
    expect(message!.bodyText).toContain('expire dans une heure');
  });

  it('A1: a malformed address is refused naming the field, in the caller’s language, and nothing is enqueued', async () => {
    const bad = await askReset('not-an-address', { language: 'en' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([
      { path: 'email', code: 'format', message: 'has an invalid format (email)' },
    ]);
    const jobs = await world.services.db.execute(
      sql`select count(*)::int as n from pgboss.job where name = 'auth.send-password-reset'
          and data->>'email' = 'not-an-address'`,
    );
    expect((jobs as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });

  it('A1: a newer link replaces the older one, which is refused as expired', async () => {
    const { email } = await clinicWithProvider();
    const older = await resetToken(email);
    const newer = await resetToken(email, 2);
    expect(newer).not.toBe(older);
    const visitor = new Client(world.app);
    visitor.language = 'en';
    const refused = await followLink(visitor, older, { password: NEW_SECRET });
    expect(refused.status).toBe(410);
    expect(refused.body.error).toMatchObject({
      code: 'reset_link_expired',
      message: 'This password reset link has expired. Ask for a new one from “Forgot your password?”.',
    });
    expect((await signIn(email, PASSWORD)).status).toBe(200);
    expect((await followLink(visitor, newer, { password: NEW_SECRET })).status).toBe(200);
  });

  it('A1: a few links per staff member and hour whatever the client address (still 202, no more email); a few requests per address and email', async () => {
    const { email, provider } = await clinicWithProvider();
    for (let i = 0; i < STAFF_RESETS_PER_HOUR + 2; i++) {
      const answer = await askReset(email);
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual({ ok: true });
    }
    expect(await resetMessagesTo(email)).toHaveLength(STAFF_RESETS_PER_HOUR);
    expect(await resetLinksOf(provider.id)).toHaveLength(STAFF_RESETS_PER_HOUR);

    const home = randomAddress();
    const other = uniqueEmail('limited');
    for (let i = 0; i < 3; i++) expect((await askReset(other, { address: home })).status).toBe(202);
    const limited = await askReset(other, { address: home, language: 'en' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
  });

  it('A1: a disabled staff member gets no link', async () => {
    const { email, provider } = await clinicWithProvider();
    await world.services.db.update(staff).set({ disabledAt: new Date() }).where(eq(staff.id, provider.id));
    expect((await askReset(email)).status).toBe(202);
    expect(await resetMessagesTo(email)).toHaveLength(0);
    expect(await resetLinksOf(provider.id)).toHaveLength(0);
  });
});

describe('A1 staff forgotten password: following the link', () => {
  it('A1: the link shows for whom, sets the new password, ends every session of the staff member and signs them in with a CSRF token; the old password no longer works', async () => {
    const { email, provider } = await clinicWithProvider();
    const laptop = await signedIn(email);
    const phone = await signedIn(email);
    expect((await laptop.get('/api/v1/auth/session')).status).toBe(200);
    const token = await resetToken(email);

    const visitor = new Client(world.app);
    const preview = await previewLink(visitor, token);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ email });
    const reset = await followLink(visitor, token, { password: NEW_SECRET });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect(reset.body).toEqual({ ok: true, signedIn: true });
    expect(visitor.cookies.creneau_session).toBeDefined();
    const session = await visitor.get('/api/v1/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.staff.id).toBe(provider.id);
    expect(session.body.csrfToken).toEqual(expect.any(String));
    // The new session acts like any signed-in one (CSRF token required on changes).
    visitor.csrfToken = session.body.csrfToken;
    expect((await visitor.put('/api/v1/auth/language', { language: 'en' })).status).toBe(200);

    expect((await laptop.get('/api/v1/auth/session')).status).toBe(401);
    expect((await phone.get('/api/v1/auth/session')).status).toBe(401);
    const old = await signIn(email, PASSWORD);
    expect(old.status).toBe(401);
    expect(old.body.error.code).toBe('invalid_credentials');
    expect((await signIn(email, NEW_SECRET)).status).toBe(200);
    const [link] = await resetLinksOf(provider.id);
    expect(link!.usedAt).not.toBeNull();
  });

  it('A1: a weak password is refused naming `password` in the caller’s language; nothing changes and the link still works', async () => {
    const { email, provider } = await clinicWithProvider();
    const laptop = await signedIn(email);
    const token = await resetToken(email);
    const visitor = new Client(world.app);
    visitor.language = 'en';
    const weak = await followLink(visitor, token, { password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields).toEqual([
      { path: 'password', code: 'minLength', message: 'must have at least 10 characters' },
    ]);
    visitor.language = 'fr';
    const faible = await followLink(visitor, token, { password: 'court' });
    expect(faible.status).toBe(400);
    expect(faible.body.error.message).toBe('Certains champs sont invalides.');
    expect(faible.body.error.fields).toEqual([
      { path: 'password', code: 'minLength', message: 'doit comporter au moins 10 caractères' },
    ]);
    const missing = await followLink(visitor, token, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields[0]).toMatchObject({ path: 'password', code: 'required' });
    expect(visitor.cookies).toEqual({});
    const [link] = await resetLinksOf(provider.id);
    expect(link!.usedAt).toBeNull();
    expect((await laptop.get('/api/v1/auth/session')).status).toBe(200);
    expect((await signIn(email, PASSWORD)).status).toBe(200);
    expect((await followLink(visitor, token, { password: NEW_SECRET })).status).toBe(200);
  });

  it('A1: a link works once (then 410), an expired one is refused with 410, an unknown one with 404', async () => {
    const { email, provider } = await clinicWithProvider();
    const token = await resetToken(email);
    const visitor = new Client(world.app);
    visitor.language = 'en';
    expect((await followLink(visitor, token, { password: NEW_SECRET })).status).toBe(200);
    const again = await followLink(new Client(world.app), token, { password: 'yet-another-secret-3' });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('reset_link_used');
    expect((await previewLink(visitor, token)).status).toBe(410);
    expect((await signIn(email, NEW_SECRET)).status).toBe(200);

    const late = await resetToken(email, 2);
    await world.services.db
      .update(staffPasswordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(staffPasswordResets.tokenHash, hashToken(late)));
    const preview = await previewLink(visitor, late);
    expect(preview.status).toBe(410);
    expect(preview.body.error.code).toBe('reset_link_expired');
    const expired = await followLink(visitor, late, { password: 'too-late-secret-4' });
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('reset_link_expired');
    expect((await signIn(email, NEW_SECRET)).status).toBe(200);
    expect((await resetLinksOf(provider.id)).filter((link) => link.usedAt)).toHaveLength(1);

    const unknown = await previewLink(visitor, 'x'.repeat(43));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({
      code: 'reset_link_invalid',
      message: 'This password reset link is not valid. Ask for a new one from “Forgot your password?”.',
    });
    expect((await followLink(visitor, 'x'.repeat(43), { password: NEW_SECRET })).status).toBe(404);
  });

  it('A1: a staff reset link is not a portal one: the portal’s reset page does not know it', async () => {
    const { email } = await clinicWithProvider();
    const token = await resetToken(email);
    const asPortal = await new Client(world.app).get(`/api/v1/public/password-resets/${token}`);
    expect(asPortal.status).toBe(404);
    expect(asPortal.body.error.code).toBe('reset_link_invalid');
  });
});

describe('A1 staff password reset sent by an admin', () => {
  const sendLink = (client: Client, orgId: string, staffId: string) =>
    client.post(`/api/v1/orgs/${orgId}/staff/${staffId}/password-reset`);

  it('A1: an admin of the organisation sends a staff member the same one-hour link; the current password works until it is followed', async () => {
    const { admin, organisation, provider, email } = await clinicWithProvider('en');
    const asAdmin = await signedIn(admin.email);
    const sent = await sendLink(asAdmin, organisation.id, provider.id);
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    expect(sent.body).toEqual({ ok: true });
    const messages = await resetMessagesTo(email);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toBe(`${organisation.name}: choose a new password`);
    const [link] = await resetLinksOf(provider.id);
    expect(link!.createdByStaffId).toBe(admin.id);
    expect((await signIn(email, PASSWORD)).status).toBe(200);
    const visitor = new Client(world.app);
    expect(
      (await followLink(visitor, linkToken(messages[0]!.bodyText), { password: NEW_SECRET })).status,
    ).toBe(200);
    expect((await signIn(email, NEW_SECRET)).status).toBe(200);
  });

  it('A1: a provider or an agent of the organisation may not (403); nothing is sent', async () => {
    const { db } = world.services;
    const { account, organisation, provider, email } = await clinicWithProvider();
    const agent = await makeStaff(db, account.id, [{ organisationId: organisation.id, role: 'agent' }]);
    const colleague = await makeStaff(db, account.id, [
      { organisationId: organisation.id, role: 'provider' },
    ]);
    for (const member of [agent, colleague]) {
      const client = await signedIn(member.email);
      const refused = await sendLink(client, organisation.id, provider.id);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    expect(await resetLinksOf(provider.id)).toHaveLength(0);
    expect(await resetMessagesTo(email)).toHaveLength(0);
  });

  it('A1: an admin of another account, or of another organisation of the same account, gets 404; nothing is sent', async () => {
    const { db } = world.services;
    const { account, organisation, provider, email } = await clinicWithProvider();
    const other = await makeAccount(db);
    const asOtherAccount = await signedIn(other.admin.email);
    const crossAccount = await sendLink(asOtherAccount, organisation.id, provider.id);
    expect(crossAccount.status).toBe(404);
    expect(crossAccount.body.error.code).toBe('not_visible');
    // Through their own organisation: the staff member is not one of its members.
    const ownTarget = await sendLink(asOtherAccount, other.organisation.id, provider.id);
    expect(ownTarget.status).toBe(404);

    const sibling = await makeOrganisation(db, account.id);
    const siblingAdmin = await makeStaff(db, account.id, [{ organisationId: sibling.id, role: 'admin' }]);
    const asSiblingAdmin = await signedIn(siblingAdmin.email);
    expect((await sendLink(asSiblingAdmin, organisation.id, provider.id)).status).toBe(404);
    expect((await sendLink(asSiblingAdmin, sibling.id, provider.id)).status).toBe(404);
    expect(await resetLinksOf(provider.id)).toHaveLength(0);
    expect(await resetMessagesTo(email)).toHaveLength(0);
  });

  it('A1: the hourly cap holds for links sent by an admin too, with a clear 429 in the admin’s language', async () => {
    const { admin, organisation, provider, email } = await clinicWithProvider();
    const asAdmin = await signedIn(admin.email);
    for (let i = 0; i < STAFF_RESETS_PER_HOUR; i++)
      expect((await sendLink(asAdmin, organisation.id, provider.id)).status).toBe(202);
    asAdmin.language = 'en';
    const capped = await sendLink(asAdmin, organisation.id, provider.id);
    expect(capped.status).toBe(429);
    expect(capped.body.error).toMatchObject({
      code: 'reset_links_capped',
      message: `This staff member was already sent ${STAFF_RESETS_PER_HOUR} password reset links in the last hour. Try again later.`,
    });
    expect(await resetMessagesTo(email)).toHaveLength(STAFF_RESETS_PER_HOUR);
  });
});
