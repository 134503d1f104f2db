// "Forgot your password?" for portal accounts through the API on PGlite and PostgreSQL (P4): the request
// answers the same for any address and does the same work for each (one job), the known address gets one
// email in its own language with a one-hour single-use link, the link sets a new password, confirms the
// address, ends every other session and signs in; used, expired, replaced or foreign links are refused;
// the per-account hourly cap and the per-address limit hold.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../test/factories.ts';
import {
  passwordResetRequests,
  randomAddress,
  jobsSettled as sharedJobsSettled,
  uniqueEmail,
} from '../../test/password-reset.ts';
import { makeUser } from '../../test/scheduling-factories.ts';
import { Client, startTestApp, type TestApp } from '../../test/test-app.ts';
import { hashPassword } from '../auth/password.ts';
import { hashToken } from '../auth/sessions.ts';
import {
  outboxMessages,
  portalAccounts,
  portalEmailVerifications,
  userHistory,
  type users,
} from '../db/schema.ts';
import { PASSWORD_RESET_HOURS, VERIFICATIONS_PER_HOUR } from './verification.ts';

let world: TestApp;
beforeAll(async () => {
  world = await startTestApp({ worker: true });
});
afterAll(() => world?.close());

const OLD_SECRET = 'the-old-secret-1';
const NEW_SECRET = 'a-brand-new-secret-2';
const linkToken = (text: string) => /\/portal\/reset-password\/([\w-]+)/.exec(text)![1]!;
const { askReset, signIn, followLink, previewLink } = passwordResetRequests(() => world, {
  resets: '/api/v1/public/password-resets',
  signIn: '/api/v1/portal/sign-in',
});
const jobsSettled = () => sharedJobsSettled(world, ['portal.send-password-reset', 'notifications.deliver']);

async function resetMessagesTo(recipient: string) {
  await jobsSettled();
  return world.services.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.recipient, recipient), eq(outboxMessages.kind, 'account_password_reset')))
    .orderBy(outboxMessages.createdAt);
}

async function resetLinksOf(portalAccountId: string) {
  return world.services.db
    .select()
    .from(portalEmailVerifications)
    .where(
      and(
        eq(portalEmailVerifications.portalAccountId, portalAccountId),
        eq(portalEmailVerifications.purpose, 'password_reset'),
      ),
    );
}

async function accountOf(email: string) {
  const [account] = await world.services.db
    .select()
    .from(portalAccounts)
    .where(eq(sql`lower(${portalAccounts.email})`, email));
  return account!;
}

/** A portal account with its record in a new clinic; `verified: false` for a sign-up not yet confirmed. */
async function person(fields: Partial<typeof users.$inferInsert> = {}, options = { verified: true }) {
  const { account, organisation } = await makeAccount(world.services.db);
  const email = uniqueEmail('person');
  const user = await makeUser(world.services.db, account.id, organisation.id, {
    firstName: 'Rosalie',
    email,
    ...fields,
  });
  await world.services.db.insert(portalAccounts).values({
    userId: user.id,
    email,
    passwordHash: await hashPassword(OLD_SECRET),
    emailVerifiedAt: options.verified ? new Date() : null,
    source: options.verified ? 'invitation' : 'sign_up',
  });
  return { user, email, organisation, account: await accountOf(email) };
}

/** Asks for a link and returns the token from the email the worker wrote. */
async function resetToken(email: string, count = 1) {
  expect((await askReset(email)).status).toBe(202);
  const messages = await resetMessagesTo(email);
  expect(messages).toHaveLength(count);
  return linkToken(messages.at(-1)!.bodyText);
}

describe('P4 forgotten password: asking for a link', () => {
  it('P4: an unknown and a known address get the same answer and cost the same work; only the known one receives one email, in its own language, with a one-hour link whose token is stored hashed', async () => {
    const { email, user, account, organisation } = await person({ language: 'en' });
    const nobody = uniqueEmail('nobody');
    const unknown = await askReset(nobody);
    const known = await askReset(` ${email.toUpperCase()} `);
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(known.body).toEqual({ ok: true });
    // The request does one and the same thing for both: it enqueues one job; the worker looks the address up.
    const jobs = await world.services.db.execute(
      sql`select data->>'email' as email from pgboss.job where name = 'portal.send-password-reset'
          and data->>'email' in (${nobody}, ${email})`,
    );
    expect((jobs as unknown as { rows: { email: string }[] }).rows.map((row) => row.email).sort()).toEqual(
      [email, nobody].sort(),
    );

    const messages = await resetMessagesTo(email);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    // Asked in French, written in the account's language (the record's).
    expect(message!.userId).toBe(user.id);
    expect(message!.organisationId).toBe(organisation.id);
    expect(message!.subject).toBe(`${organisation.name}: choose a new password`);
    expect(message!.bodyText).toContain('expires in one hour');
    expect(message!.bodyText).toContain(`${world.services.config.publicUrl}/portal/reset-password/`);
    expect(message!.bodyHtml).toContain('/portal/reset-password/');
    const token = linkToken(message!.bodyText);
    const [link] = await resetLinksOf(account.id);
    expect(link!.tokenHash).toBe(hashToken(token));
    expect(link!.tokenHash).not.toContain(token);
    const lifetime = link!.expiresAt.getTime() - link!.createdAt.getTime();
    expect(Math.abs(lifetime - PASSWORD_RESET_HOURS * 3_600_000)).toBeLessThan(60_000);

    expect(await resetMessagesTo(nobody)).toHaveLength(0);
    const [anyToNobody] = await world.services.db
      .select({ n: sql<number>`count(*)::int` })
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, nobody));
    expect(anyToNobody!.n).toBe(0);
  });

  it('P4: a malformed address is refused naming the field, in the caller’s language, and nothing is enqueued', async () => {
    const bad = await askReset('not-an-address', { language: 'en' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([
      { path: 'email', code: 'format', message: 'has an invalid format (email)' },
    ]);
    const jobs = await world.services.db.execute(
      sql`select count(*)::int as n from pgboss.job where name = 'portal.send-password-reset'
          and data->>'email' = 'not-an-address'`,
    );
    expect((jobs as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });

  it('P4: a newer link replaces the older one, which is refused as expired', async () => {
    const { email } = await person();
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
    expect((await signIn(email, OLD_SECRET)).status).toBe(200);
    expect((await followLink(visitor, newer, { password: NEW_SECRET })).status).toBe(200);
  });

  it('P4: a few links per account and hour whatever the client address (still 202, no more email); a few requests per address and email', async () => {
    const { email, account } = await person();
    for (let i = 0; i < VERIFICATIONS_PER_HOUR + 2; i++) {
      const answer = await askReset(email);
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual({ ok: true });
    }
    expect(await resetMessagesTo(email)).toHaveLength(VERIFICATIONS_PER_HOUR);
    expect(await resetLinksOf(account.id)).toHaveLength(VERIFICATIONS_PER_HOUR);

    const home = randomAddress();
    const other = uniqueEmail('limited');
    for (let i = 0; i < 3; i++) expect((await askReset(other, { address: home })).status).toBe(202);
    const limited = await askReset(other, { address: home, language: 'en' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
  });
});

describe('P4 forgotten password: following the link', () => {
  it('P4: the link shows for whom, sets the new password, ends every other session and signs the person in; the old password no longer works; the record’s history says so', async () => {
    const { email, user } = await person();
    const elsewhere = new Client(world.app);
    expect((await signIn(email, OLD_SECRET, elsewhere)).status).toBe(200);
    expect((await elsewhere.get('/api/v1/portal/session')).status).toBe(200);
    const token = await resetToken(email);

    const visitor = new Client(world.app);
    const preview = await previewLink(visitor, token);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ email });
    const reset = await followLink(visitor, token, { password: NEW_SECRET });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect(reset.body).toEqual({ ok: true });
    const session = await visitor.get('/api/v1/portal/session');
    expect(session.status).toBe(200);
    expect(session.body.email).toBe(email);

    expect((await elsewhere.get('/api/v1/portal/session')).status).toBe(401);
    const old = await signIn(email, OLD_SECRET);
    expect(old.status).toBe(401);
    expect(old.body.error.code).toBe('invalid_credentials');
    expect((await signIn(email, NEW_SECRET)).status).toBe(200);
    const history = await world.services.db.select().from(userHistory).where(eq(userHistory.userId, user.id));
    expect(history.map((entry) => entry.action)).toEqual(['password_reset']);
    expect(history[0]).toMatchObject({ actorIsUser: true });
  });

  it('P4: a weak password is refused naming `password` in the caller’s language; nothing changes and the link still works', async () => {
    const { email, account } = await person();
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
    expect(faible.body.error.message).toBe('Certains champs sont invalides.');
    expect(faible.body.error.fields).toEqual([
      { path: 'password', code: 'minLength', message: 'doit comporter au moins 10 caractères' },
    ]);
    const missing = await followLink(visitor, token, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields[0]).toMatchObject({ path: 'password', code: 'required' });
    expect(visitor.cookies).toEqual({});
    const [link] = await resetLinksOf(account.id);
    expect(link!.usedAt).toBeNull();
    expect((await signIn(email, OLD_SECRET)).status).toBe(200);
    expect((await followLink(visitor, token, { password: NEW_SECRET })).status).toBe(200);
  });

  it('P4: a link works once (then 410), an expired one is refused with 410, an unknown one with 404', async () => {
    const { email, account } = await person();
    const token = await resetToken(email);
    const visitor = new Client(world.app);
    visitor.language = 'en';
    expect((await followLink(visitor, token, { password: NEW_SECRET })).status).toBe(200);
    const again = await followLink(new Client(world.app), token, {
      password: 'yet-another-secret-3',
    });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('reset_link_used');
    expect((await previewLink(visitor, token)).status).toBe(410);
    expect((await signIn(email, NEW_SECRET)).status).toBe(200);

    const late = await resetToken(email, 2);
    await world.services.db
      .update(portalEmailVerifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(portalEmailVerifications.tokenHash, hashToken(late)));
    const preview = await previewLink(visitor, late);
    expect(preview.status).toBe(410);
    expect(preview.body.error.code).toBe('reset_link_expired');
    const expired = await followLink(visitor, late, { password: 'too-late-secret-4' });
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('reset_link_expired');
    expect((await signIn(email, NEW_SECRET)).status).toBe(200);
    expect((await resetLinksOf(account.id)).filter((link) => link.usedAt)).toHaveLength(1);

    const unknown = await previewLink(visitor, 'x'.repeat(43));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({
      code: 'reset_link_invalid',
      message: 'This password reset link is not valid. Ask for a new one from “Forgot your password?”.',
    });
    expect((await followLink(visitor, 'x'.repeat(43), { password: NEW_SECRET })).status).toBe(404);
  });

  it('P4: an unconfirmed sign-up may reset its password: the link proves the address, so the account is confirmed and signs in', async () => {
    const { email, user } = await person({}, { verified: false });
    const refused = await signIn(email, OLD_SECRET);
    expect(refused.body.error.code).toBe('email_not_verified');
    const token = await resetToken(email);
    const visitor = new Client(world.app);
    expect((await followLink(visitor, token, { password: NEW_SECRET })).status).toBe(200);
    expect((await visitor.get('/api/v1/portal/session')).status).toBe(200);
    expect((await accountOf(email)).emailVerifiedAt).not.toBeNull();
    expect((await signIn(email, NEW_SECRET)).status).toBe(200);
    const history = await world.services.db.select().from(userHistory).where(eq(userHistory.userId, user.id));
    expect(history.map((entry) => [entry.action, entry.details])).toEqual([
      ['email_verified', { email, purpose: 'password_reset' }],
      ['password_reset', { email }],
    ]);
  });

  it('P4: a reset link is not a confirmation link nor the reverse, and stops working once the account’s address changed', async () => {
    const { email, account } = await person();
    const token = await resetToken(email);
    const asConfirmation = await new Client(world.app).get(`/api/v1/public/email-verifications/${token}`);
    expect(asConfirmation.status).toBe(400);
    expect(asConfirmation.body.error.code).toBe('verification_invalid');
    const confirmation = await new Client(world.app).post(`/api/v1/public/email-verifications/${token}`, {
      password: OLD_SECRET,
    });
    expect(confirmation.body.error.code).toBe('verification_invalid');

    const signUpToken = 'y'.repeat(43);
    await world.services.db.insert(portalEmailVerifications).values({
      portalAccountId: account.id,
      organisationId: (await resetLinksOf(account.id))[0]!.organisationId,
      email,
      purpose: 'sign_up',
      tokenHash: hashToken(signUpToken),
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    expect((await previewLink(new Client(world.app), signUpToken)).status).toBe(404);

    const moved = uniqueEmail('moved');
    await world.services.db
      .update(portalAccounts)
      .set({ email: moved })
      .where(eq(portalAccounts.id, account.id));
    const stale = await followLink(new Client(world.app), token, {
      password: NEW_SECRET,
    });
    expect(stale.status).toBe(410);
    expect((await signIn(moved, OLD_SECRET)).status).toBe(200);
  });
});
