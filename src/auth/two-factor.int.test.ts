// A1: the optional TOTP second factor of staff, through the HTTP API on a real database: set-up in two
// steps, sign-in asking for a code, a code or recovery code used once, turning it off, an admin turning it
// off for a member, and a password-reset link that no longer signs in on its own.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeStaff, PASSWORD } from '../../test/factories.ts';
import { Client, startTestApp, type TestApp } from '../../test/test-app.ts';
import { sessions, staff, staffPasswordResets, staffRecoveryCodes } from '../db/schema.ts';
import { hashToken, randomToken } from './sessions.ts';
import { totpCodeAt } from './totp.ts';

let world: TestApp;
beforeAll(async () => {
  world = await startTestApp();
});
afterAll(() => world?.close());

/** Each sign-in from its own address, like different visits (the route limits attempts per address). */
let visit = 0;
function signInRequest(client: Client, email: string, password: string, code?: string) {
  visit++;
  return client.request(
    'POST',
    '/api/v1/auth/sign-in',
    { email, password, ...(code !== undefined ? { code } : {}) },
    { 'x-forwarded-for': `10.9.${Math.floor(visit / 250)}.${visit % 250}` },
  );
}

/** A provider signed in with the second factor on: its secret and recovery codes. */
async function memberWithTwoFactor() {
  const { account, organisation } = await makeAccount(world.services.db);
  const member = await makeStaff(world.services.db, account.id, [
    { organisationId: organisation.id, role: 'provider' },
  ]);
  const client = new Client(world.app);
  await client.signIn(member.email, PASSWORD);
  const setup = await client.post('/api/v1/auth/two-factor/setup');
  expect(setup.status).toBe(200);
  const confirmed = await client.post('/api/v1/auth/two-factor/confirm', {
    code: totpCodeAt(setup.body.secret, new Date()),
  });
  expect(confirmed.status).toBe(200);
  return { account, organisation, member, client, secret: setup.body.secret as string, ...confirmed.body };
}

/** A code of the next 30-second step: the step just used for confirming is spent. */
const nextCode = (secret: string) => totpCodeAt(secret, new Date(Date.now() + 30_000));

describe('A1: second factor (TOTP)', () => {
  it('A1: set-up shows a secret and QR URI; nothing changes until a code confirms it, then ten recovery codes come once', async () => {
    const { account, organisation } = await makeAccount(world.services.db);
    const member = await makeStaff(world.services.db, account.id, [
      { organisationId: organisation.id, role: 'agent' },
    ]);
    const client = new Client(world.app);
    client.language = 'en';
    await client.signIn(member.email, PASSWORD);
    expect((await client.get('/api/v1/auth/two-factor')).body).toEqual({
      isEnabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
    });
    const early = await client.post('/api/v1/auth/two-factor/confirm', { code: '123456' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('second_factor_not_started');

    const setup = await client.post('/api/v1/auth/two-factor/setup');
    expect(setup.body.uri).toContain(`secret=${setup.body.secret}`);
    expect(decodeURIComponent(setup.body.uri)).toContain(member.email);
    // Pending only: signing in still needs the password alone.
    expect((await signInRequest(new Client(world.app), member.email, PASSWORD)).status).toBe(200);

    const wrong = await client.post('/api/v1/auth/two-factor/confirm', { code: '000000' });
    // 400, not 401: the session is fine, the field is wrong (a 401 would sign the web app out).
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({
      code: 'invalid_second_factor',
      fields: [expect.objectContaining({ path: 'code' })],
    });
    expect(wrong.body.error.message).toContain('not valid');

    const confirmed = await client.post('/api/v1/auth/two-factor/confirm', {
      code: totpCodeAt(setup.body.secret, new Date()),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    const status = (await client.get('/api/v1/auth/two-factor')).body;
    expect(status).toMatchObject({ isEnabled: true, recoveryCodesLeft: 10 });
    // Only hashes are stored; the other session (the sign-in above) ended, this one stays.
    const stored = await world.services.db
      .select()
      .from(staffRecoveryCodes)
      .where(eq(staffRecoveryCodes.staffId, member.id));
    expect(stored.map((row) => row.codeHash)).not.toContain(confirmed.body.recoveryCodes[0]);
    expect(
      await world.services.db.select().from(sessions).where(eq(sessions.staffId, member.id)),
    ).toHaveLength(1);
    expect((await client.get('/api/v1/auth/session')).status).toBe(200);
    const again = await client.post('/api/v1/auth/two-factor/setup');
    expect(again.body.error.code).toBe('second_factor_enabled');
  });

  it('A1: sign-in asks for the code only after the right password, refuses a wrong one, and a code works once', async () => {
    const { member, secret } = await memberWithTwoFactor();
    const client = new Client(world.app);
    client.language = 'fr';
    const wrongPassword = await signInRequest(client, member.email, 'not-the-password');
    expect(wrongPassword.body.error.code).toBe('invalid_credentials');
    const missing = await signInRequest(client, member.email, PASSWORD);
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('second_factor_required');
    expect(missing.body.error.message).toContain('application d’authentification');
    expect(client.cookies.creneau_session).toBeUndefined();

    const wrongCode = await signInRequest(client, member.email, PASSWORD, '000000');
    expect(wrongCode.body.error.code).toBe('invalid_second_factor');
    const code = nextCode(secret);
    const ok = await signInRequest(client, member.email, PASSWORD, `${code.slice(0, 3)} ${code.slice(3)}`);
    expect(ok.status).toBe(200);
    expect(client.cookies.creneau_session).toBeTruthy();
    // The same code again, from another device, within its 30 seconds: refused.
    const replay = await signInRequest(new Client(world.app), member.email, PASSWORD, code);
    expect(replay.status).toBe(400);
    expect(replay.body.error.code).toBe('invalid_second_factor');
  });

  it('A1: a recovery code signs in once, typed in any case, and the count goes down', async () => {
    const { member, recoveryCodes } = await memberWithTwoFactor();
    const code = recoveryCodes[3] as string;
    const first = new Client(world.app);
    expect((await signInRequest(first, member.email, PASSWORD, code.toLowerCase())).status).toBe(200);
    const second = await signInRequest(new Client(world.app), member.email, PASSWORD, code);
    expect(second.body.error.code).toBe('invalid_second_factor');
    expect((await first.get('/api/v1/auth/session')).status).toBe(200);
    expect((await first.get('/api/v1/auth/two-factor')).body.recoveryCodesLeft).toBe(9);
  });

  it('A1: turning it off needs the password and a code; then the password alone signs in again', async () => {
    const { member, client, secret } = await memberWithTwoFactor();
    const noPassword = await client.post('/api/v1/auth/two-factor/disable', {
      password: 'wrong-password',
      code: nextCode(secret),
    });
    expect(noPassword.body.error.code).toBe('wrong_password');
    const noCode = await client.post('/api/v1/auth/two-factor/disable', {
      password: PASSWORD,
      code: '000000',
    });
    expect(noCode.body.error.code).toBe('invalid_second_factor');
    expect((await client.get('/api/v1/auth/two-factor')).body.isEnabled).toBe(true);

    const off = await client.post('/api/v1/auth/two-factor/disable', {
      password: PASSWORD,
      code: nextCode(secret),
    });
    expect(off.status).toBe(200);
    expect((await client.get('/api/v1/auth/two-factor')).body).toEqual({
      isEnabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
    });
    expect((await signInRequest(new Client(world.app), member.email, PASSWORD)).status).toBe(200);
    expect(
      await world.services.db
        .select()
        .from(staffRecoveryCodes)
        .where(eq(staffRecoveryCodes.staffId, member.id)),
    ).toHaveLength(0);
  });

  it('A1: an admin turns off a member’s second factor: the member’s sessions end and the list shows it', async () => {
    const { account, organisation, member, client } = await memberWithTwoFactor();
    const admin = await makeStaff(world.services.db, account.id, [
      { organisationId: organisation.id, role: 'admin' },
    ]);
    const adminClient = new Client(world.app);
    await adminClient.signIn(admin.email, PASSWORD);
    const list = await adminClient.get(`/api/v1/orgs/${organisation.id}/staff`);
    expect(list.body.find((row: { id: string }) => row.id === member.id).hasTwoFactor).toBe(true);

    // The member cannot do it for someone else (not an admin).
    const byMember = await client.delete(`/api/v1/orgs/${organisation.id}/staff/${admin.id}/two-factor`);
    expect(byMember.status).toBe(403);

    const reset = await adminClient.delete(`/api/v1/orgs/${organisation.id}/staff/${member.id}/two-factor`);
    expect(reset.status).toBe(200);
    expect((await client.get('/api/v1/auth/session')).status).toBe(401);
    expect((await signInRequest(new Client(world.app), member.email, PASSWORD)).status).toBe(200);
    const after = await adminClient.get(`/api/v1/orgs/${organisation.id}/staff`);
    expect(after.body.find((row: { id: string }) => row.id === member.id).hasTwoFactor).toBe(false);
  });

  it('A1: with the second factor on, a password-reset link sets the password but does not sign in by itself', async () => {
    const { organisation, member, secret } = await memberWithTwoFactor();
    const token = randomToken();
    await world.services.db.insert(staffPasswordResets).values({
      staffId: member.id,
      organisationId: organisation.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const client = new Client(world.app);
    const followed = await client.request(
      'POST',
      `/api/v1/auth/password-resets/${token}`,
      { password: 'a-brand-new-secret-9' },
      { 'x-forwarded-for': '10.8.0.1' },
    );
    expect(followed.status).toBe(200);
    expect(followed.body).toEqual({ ok: true, signedIn: false });
    expect(client.cookies.creneau_session).toBeUndefined();
    expect((await client.get('/api/v1/auth/session')).status).toBe(401);
    const [row] = await world.services.db.select().from(staff).where(eq(staff.id, member.id));
    expect(row!.totpSecret).toBe(secret);
    const signedIn = await signInRequest(client, member.email, 'a-brand-new-secret-9', nextCode(secret));
    expect(signedIn.status).toBe(200);
  });
});
