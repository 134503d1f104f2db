// Portal accounts through the API on PGlite and PostgreSQL (P4): self sign-up with a confirmation link, the
// neutral answer for known addresses, resend limits, and the person's own profile edits (U3 history),
// including a new email that is proven before it replaces the old one.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, PASSWORD } from '../../test/factories.ts';
import { makeUser } from '../../test/scheduling-factories.ts';
import { Client, startTestApp, type TestApp } from '../../test/test-app.ts';
import { waitFor } from '../../test/wait.ts';
import { hashPassword } from '../auth/password.ts';
import { hashToken } from '../auth/sessions.ts';
import {
  outboxMessages,
  portalAccounts,
  portalEmailVerifications,
  userHistory,
  userOrganisations,
  users,
} from '../db/schema.ts';
import { VERIFICATIONS_PER_HOUR } from './verification.ts';

let world: TestApp;
beforeAll(async () => {
  world = await startTestApp({ worker: true });
});
afterAll(() => world?.close());

const SECRET = 'my-portal-secret-1';
const uniqueEmail = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}@example.test`;
const randomAddress = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function clinic() {
  const created = await makeAccount(world.services.db);
  const admin = new Client(world.app);
  await admin.signIn(created.admin.email, PASSWORD);
  return { ...created, admin, base: `/api/v1/orgs/${created.organisation.id}` };
}
type Clinic = Awaited<ReturnType<typeof clinic>>;

/** Each call comes from its own address, like different visitors. */
function signUp(w: Clinic, body: Record<string, unknown>, language = 'fr', address = randomAddress()) {
  return new Client(world.app).request(
    'POST',
    `/api/v1/public/organisations/${w.organisation.slug}/sign-up`,
    { firstName: 'Noémie', lastName: 'Fortin', password: SECRET, ...body },
    { 'accept-language': language, 'x-forwarded-for': address },
  );
}

function resend(email: string, address = randomAddress()) {
  return new Client(world.app).request(
    'POST',
    '/api/v1/public/email-verifications/resend',
    { email },
    { 'x-forwarded-for': address },
  );
}

async function messagesTo(recipient: string, kind: string, count = 1) {
  return waitFor(async () => {
    const rows = await world.services.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipient, recipient), eq(outboxMessages.kind, kind)))
      .orderBy(outboxMessages.createdAt);
    return rows.length >= count ? rows : undefined;
  });
}

const linkToken = (text: string) => /\/portal\/verify\/([\w-]+)/.exec(text)![1]!;

async function accountOf(email: string) {
  const [account] = await world.services.db
    .select()
    .from(portalAccounts)
    .where(eq(sql`lower(${portalAccounts.email})`, email));
  return account;
}

async function linksOf(portalAccountId: string) {
  return world.services.db
    .select()
    .from(portalEmailVerifications)
    .where(eq(portalEmailVerifications.portalAccountId, portalAccountId));
}

/** A verified portal account signed in, on a record of the clinic. */
async function signedInPerson(w: Clinic, fields: Partial<typeof users.$inferInsert> = {}) {
  const email = uniqueEmail('person');
  const user = await makeUser(world.services.db, w.account.id, w.organisation.id, {
    email,
    mobilePhone: '+15145550177',
    ...fields,
  });
  await world.services.db.insert(portalAccounts).values({
    userId: user.id,
    email,
    passwordHash: await hashPassword(SECRET),
    emailVerifiedAt: new Date(),
  });
  const client = new Client(world.app);
  expect((await client.post('/api/v1/portal/sign-in', { email, password: SECRET })).status).toBe(200);
  client.csrfToken = (await client.get('/api/v1/portal/session')).body.csrfToken;
  return { user, email, client };
}

describe('P4 self sign-up with email verification', () => {
  it('P4: sign-up sends a confirmation link; sign-in is refused until the link is followed with the password; then the person is signed in on a new record of the organisation', async () => {
    const w = await clinic();
    const email = uniqueEmail('noemie');
    const created = await signUp(w, { email: email.toUpperCase(), language: 'en' });
    expect(created.status, JSON.stringify(created.body)).toBe(202);
    expect(created.body).toEqual({ ok: true });

    const [message] = await messagesTo(email, 'account_verification');
    expect(message!.subject).toBe(`${w.organisation.name}: confirm your email address`);
    const token = linkToken(message!.bodyText);
    const account = await accountOf(email);
    expect(account).toMatchObject({ source: 'sign_up', emailVerifiedAt: null });
    const [stored] = await linksOf(account!.id);
    expect(stored!.tokenHash).not.toContain(token);

    const visitor = new Client(world.app);
    visitor.language = 'en';
    const early = await visitor.post('/api/v1/portal/sign-in', { email, password: SECRET });
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('email_not_verified');
    expect(early.body.error.message).toContain('Send the link again');
    // A wrong password never reveals that the account waits for its confirmation.
    const wrong = await visitor.post('/api/v1/portal/sign-in', { email, password: 'not-the-password' });
    expect(wrong.body.error.code).toBe('invalid_credentials');

    const preview = await visitor.get(`/api/v1/public/email-verifications/${token}`);
    expect(preview.body).toEqual({ email, purpose: 'sign_up' });
    const badPassword = await visitor.post(`/api/v1/public/email-verifications/${token}`, {
      password: 'someone-elses-pass',
    });
    expect(badPassword.status).toBe(400);
    expect(badPassword.body.error.fields).toEqual([
      { path: 'password', code: 'incorrect', message: 'is incorrect' },
    ]);
    expect((await accountOf(email))!.emailVerifiedAt).toBeNull();

    const verified = await visitor.post(`/api/v1/public/email-verifications/${token}`, { password: SECRET });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    const session = await visitor.get('/api/v1/portal/session');
    expect(session.status).toBe(200);
    expect(session.body.profile).toMatchObject({
      firstName: 'Noémie',
      lastName: 'Fortin',
      email,
      language: 'en',
      pendingEmail: null,
    });
    expect(
      (await new Client(world.app).post('/api/v1/portal/sign-in', { email, password: SECRET })).status,
    ).toBe(200);
    const links = await world.services.db
      .select()
      .from(userOrganisations)
      .where(eq(userOrganisations.userId, account!.userId));
    expect(links.map((link) => link.organisationId)).toEqual([w.organisation.id]);
    const history = await w.admin.get(`${w.base}/users/${account!.userId}/history`);
    expect(history.body.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining(['created', 'portal_account_created', 'email_verified']),
    );
  });

  it('P4: a used, expired or unknown confirmation link is refused with its own message', async () => {
    const w = await clinic();
    const email = uniqueEmail('link');
    await signUp(w, { email });
    const [first] = await messagesTo(email, 'account_verification');
    const token = linkToken(first!.bodyText);
    const visitor = new Client(world.app);
    visitor.language = 'en';
    expect(
      (await visitor.post(`/api/v1/public/email-verifications/${token}`, { password: SECRET })).status,
    ).toBe(200);
    const reused = await visitor.post(`/api/v1/public/email-verifications/${token}`, { password: SECRET });
    expect(reused.status).toBe(409);
    expect(reused.body.error).toMatchObject({
      code: 'verification_used',
      message: 'This confirmation link has already been used.',
    });

    const other = uniqueEmail('late');
    await signUp(w, { email: other });
    const [late] = await messagesTo(other, 'account_verification');
    const lateToken = linkToken(late!.bodyText);
    const account = await accountOf(other);
    await world.services.db
      .update(portalEmailVerifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(portalEmailVerifications.portalAccountId, account!.id));
    const expired = await visitor.post(`/api/v1/public/email-verifications/${lateToken}`, {
      password: SECRET,
    });
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('verification_expired');
    expect((await accountOf(other))!.emailVerifiedAt).toBeNull();
    const unknown = await visitor.get(`/api/v1/public/email-verifications/${'x'.repeat(43)}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('verification_invalid');
  });

  it('P4: sign-up answers the same for an address that already has an account; its owner is told by email; no second account or record', async () => {
    const w = await clinic();
    const { user, email } = await signedInPerson(w, { firstName: 'Irène', lastName: 'Existante' });
    const fresh = await signUp(w, { email: uniqueEmail('fresh') });
    const known = await signUp(w, { email: ` ${email.toUpperCase()} `, firstName: 'Autre', lastName: 'Nom' });
    expect(known.status).toBe(fresh.status);
    expect(known.body).toEqual(fresh.body);

    const [message] = await messagesTo(email, 'account_exists');
    expect(message!.userId).toBe(user.id);
    expect(message!.bodyText).toContain(`${world.services.config.publicUrl}/portal`);
    const accounts = await world.services.db
      .select()
      .from(portalAccounts)
      .where(eq(sql`lower(${portalAccounts.email})`, email));
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.userId).toBe(user.id);
    expect(await world.services.db.select().from(users).where(eq(users.lastName, 'Nom'))).toHaveLength(0);
    // The existing password still works; nobody's sign-up replaced it.
    expect(
      (await new Client(world.app).post('/api/v1/portal/sign-in', { email, password: SECRET })).status,
    ).toBe(200);
  });

  it('P4: the new account is tied to the organisation’s record with the same email and name (accents ignored), not to a family member sharing the address; the link goes out even with email notifications off', async () => {
    const w = await clinic();
    const email = uniqueEmail('famille');
    const { db } = world.services;
    const child = await makeUser(db, w.account.id, w.organisation.id, {
      firstName: 'Léa',
      lastName: 'Tremblay',
      email,
    });
    const parent = await makeUser(db, w.account.id, w.organisation.id, {
      firstName: 'Éloïse',
      lastName: 'Tremblay',
      email,
      notifyByEmail: false,
    });
    expect((await signUp(w, { email, firstName: 'eloise', lastName: 'TREMBLAY' })).status).toBe(202);
    const account = await accountOf(email);
    expect(account!.userId).toBe(parent.id);
    expect(account!.userId).not.toBe(child.id);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(eq(users.email, email));
    expect(count!.n).toBe(2);
    // An account message goes out even though appointment emails are turned off on the record (U4).
    const [message] = await messagesTo(email, 'account_verification');
    expect(message!.userId).toBe(parent.id);
  });

  it('P4: resending is limited — a few links an hour per account whatever the address, and a few requests per address and email — and answers the same for unknown addresses', async () => {
    const w = await clinic();
    const email = uniqueEmail('resend');
    await signUp(w, { email });
    const account = await accountOf(email);
    const home = randomAddress();
    for (let i = 1; i < VERIFICATIONS_PER_HOUR; i++) expect((await resend(email, home)).status).toBe(202);
    const messages = await messagesTo(email, 'account_verification', VERIFICATIONS_PER_HOUR);
    // Only the newest link works.
    const live = (await linksOf(account!.id)).filter((link) => link.expiresAt.getTime() > Date.now());
    expect(live).toHaveLength(1);
    const stale = messages
      .map((message) => linkToken(message.bodyText))
      .find((token) => hashToken(token) !== live[0]!.tokenHash)!;
    const staleAnswer = await new Client(world.app).post(`/api/v1/public/email-verifications/${stale}`, {
      password: SECRET,
    });
    expect(staleAnswer.body.error.code).toBe('verification_expired');

    // Another address: the same neutral answer, but the account's share of links is used up.
    const elsewhere = await resend(email, randomAddress());
    expect(elsewhere.status).toBe(202);
    expect(await linksOf(account!.id)).toHaveLength(VERIFICATIONS_PER_HOUR);
    // The same address and email: refused after three requests in 15 minutes.
    expect((await resend(email, home)).status).toBe(202);
    const limited = await resend(email, home);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');

    const unknown = await resend(uniqueEmail('nobody'));
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual({ ok: true });
  });
});

describe('P4 profile editing in the user space', () => {
  it('P4: the person edits names, mobile and language at once; staff see the change in the record’s history', async () => {
    const w = await clinic();
    const { user, client } = await signedInPerson(w, { firstName: 'Zoé', lastName: 'Avant' });
    const saved = await client.put('/api/v1/portal/profile', {
      firstName: ' Zoëlle ',
      lastName: 'Après',
      mobilePhone: '(514) 555-0199',
      language: 'en',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({
      firstName: 'Zoëlle',
      lastName: 'Après',
      mobilePhone: '+15145550199',
      language: 'en',
      pendingEmail: null,
    });
    const history = await w.admin.get(`${w.base}/users/${user.id}/history`);
    const edit = history.body.find((entry: { action: string }) => entry.action === 'updated');
    expect(edit).toMatchObject({ actor: 'user' });
    expect(edit.changes).toEqual(
      expect.arrayContaining([
        { field: 'firstName', from: 'Zoé', to: 'Zoëlle' },
        { field: 'lastName', from: 'Avant', to: 'Après' },
        { field: 'mobilePhone', from: '+15145550177', to: '+15145550199' },
        { field: 'language', from: 'fr', to: 'en' },
      ]),
    );
  });

  it('P4: invalid profile fields are refused with the field named, in the caller’s language, and nothing changes', async () => {
    const w = await clinic();
    const { user, client } = await signedInPerson(w, { firstName: 'Yves', lastName: 'Valide' });
    client.language = 'en';
    const emptyName = await client.put('/api/v1/portal/profile', { firstName: '  ', lastName: 'Autre' });
    expect(emptyName.status).toBe(400);
    expect(emptyName.body.error.fields).toEqual([
      { path: 'firstName', code: 'required', message: 'is required' },
    ]);
    client.language = 'fr';
    const badPhone = await client.put('/api/v1/portal/profile', { lastName: 'Autre', mobilePhone: '12' });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.message).toBe('Certains champs sont invalides.');
    expect(badPhone.body.error.fields).toEqual([
      { path: 'mobilePhone', code: 'phone', message: 'n’est pas un numéro de téléphone valide' },
    ]);
    const badEmail = await client.put('/api/v1/portal/profile', { email: 'pas-une-adresse' });
    expect(badEmail.body.error.fields[0]).toMatchObject({ path: 'email', code: 'format' });
    const unknownField = await client.put('/api/v1/portal/profile', { notes: 'x' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.fields[0]).toMatchObject({ path: 'notes', code: 'additionalProperties' });
    const [after] = await world.services.db.select().from(users).where(eq(users.id, user.id));
    expect(after).toMatchObject({ firstName: 'Yves', lastName: 'Valide', mobilePhone: '+15145550177' });
    const edits = await world.services.db
      .select()
      .from(userHistory)
      .where(and(eq(userHistory.userId, user.id), eq(userHistory.action, 'updated')));
    expect(edits).toHaveLength(0);
  });

  it('P4: a new email needs the current password and is proven by a link sent to it; until then the old address stays in use; then it replaces it on the account and the record', async () => {
    const w = await clinic();
    const { user, email, client } = await signedInPerson(w);
    const next = uniqueEmail('nouvelle');
    client.language = 'en';
    const noPassword = await client.put('/api/v1/portal/profile', { email: next });
    expect(noPassword.status).toBe(400);
    expect(noPassword.body.error.fields).toEqual([
      { path: 'currentPassword', code: 'required', message: 'is required' },
    ]);
    const wrong = await client.put('/api/v1/portal/profile', { email: next, currentPassword: 'wrong-one-1' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0]).toMatchObject({ path: 'currentPassword', code: 'incorrect' });
    expect(await linksOf((await accountOf(email))!.id)).toHaveLength(0);

    const asked = await client.put('/api/v1/portal/profile', { email: next, currentPassword: SECRET });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body).toMatchObject({ email, pendingEmail: next });
    const [message] = await messagesTo(next, 'account_email_change');
    expect(message!.userId).toBe(user.id);
    const token = linkToken(message!.bodyText);
    // Meanwhile: the old address signs in and stays the record's contact; the new one does not sign in.
    expect(
      (await new Client(world.app).post('/api/v1/portal/sign-in', { email, password: SECRET })).status,
    ).toBe(200);
    expect(
      (await new Client(world.app).post('/api/v1/portal/sign-in', { email: next, password: SECRET })).status,
    ).toBe(401);
    const [before] = await world.services.db.select().from(users).where(eq(users.id, user.id));
    expect(before!.email).toBe(email);

    const visitor = new Client(world.app);
    const preview = await visitor.get(`/api/v1/public/email-verifications/${token}`);
    expect(preview.body).toEqual({ email: next, purpose: 'email_change' });
    expect(
      (await visitor.post(`/api/v1/public/email-verifications/${token}`, { password: SECRET })).status,
    ).toBe(200);
    expect((await accountOf(next))!.userId).toBe(user.id);
    expect(await accountOf(email)).toBeUndefined();
    const [after] = await world.services.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.email).toBe(next);
    expect(
      (await new Client(world.app).post('/api/v1/portal/sign-in', { email: next, password: SECRET })).status,
    ).toBe(200);
    const history = await w.admin.get(`${w.base}/users/${user.id}/history`);
    const actions = history.body.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['email_change_requested', 'email_verified']));
    const edit = history.body.find((entry: { action: string }) => entry.action === 'updated');
    expect(edit.changes).toEqual([{ field: 'email', from: email, to: next }]);
  });
});
