// A1: staff sign-in, sessions in the database, cookie flags, CSRF, rate limiting, sign-out, password change.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, PASSWORD } from '../../test/factories.ts';
import { Client, startTestApp, type TestApp } from '../../test/test-app.ts';
import { sessions } from '../db/schema.ts';

let world: TestApp;
beforeAll(async () => {
  world = await startTestApp();
});
afterAll(() => world?.close());

describe('A1 staff sign-in', () => {
  it('A1: signs in with email and password and stores only a hash of the token', async () => {
    const { admin } = await makeAccount(world.services.db);
    const client = new Client(world.app);
    const result = await client.post('/api/v1/auth/sign-in', {
      email: admin.email.toUpperCase(),
      password: PASSWORD,
    });
    expect(result.status).toBe(200);
    const cookie = (
      result.response.cookies as {
        name: string;
        value: string;
        httpOnly?: boolean;
        sameSite?: string;
        path?: string;
      }[]
    ).find((c) => c.name === 'creneau_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const rows = await world.services.db.select().from(sessions).where(eq(sessions.staffId, admin.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toBe(cookie!.value);
    const session = await client.get('/api/v1/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.staff.email).toBe(admin.email);
    expect(session.body.memberships[0].role).toBe('admin');
    expect(session.body.csrfToken).toBeTruthy();
  });

  it('A1: the password is stored as an argon2id hash', async () => {
    const { admin } = await makeAccount(world.services.db);
    expect(admin.passwordHash.startsWith('$argon2id$')).toBe(true);
  });

  it('A1: a wrong password is refused with a message in the caller’s language, same as an unknown email', async () => {
    const { admin } = await makeAccount(world.services.db);
    const client = new Client(world.app);
    client.language = 'en';
    const wrong = await client.post('/api/v1/auth/sign-in', {
      email: admin.email,
      password: 'not-the-password',
    });
    const unknown = await client.post('/api/v1/auth/sign-in', {
      email: 'nobody@example.test',
      password: 'whatever1',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error).toEqual({
      code: 'invalid_credentials',
      message: 'Email or password is incorrect.',
    });
    client.language = 'fr';
    const french = await client.post('/api/v1/auth/sign-in', {
      email: admin.email,
      password: 'not-the-password',
    });
    expect(french.body.error.message).toBe('Courriel ou mot de passe incorrect.');
  });

  it('A1: the Secure flag is set on the session cookie by default', async () => {
    const { admin } = await makeAccount(world.services.db);
    const secureApp = { ...world.services, config: { ...world.services.config, cookieSecure: true } };
    const { buildApp } = await import('../http/app.ts');
    const app = await buildApp(secureApp);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: admin.email, password: PASSWORD },
    });
    expect(response.headers['set-cookie']).toMatch(/HttpOnly/);
    expect(response.headers['set-cookie']).toMatch(/Secure/);
    expect(response.headers['set-cookie']).toMatch(/SameSite=Lax/);
    await app.close();
  });

  it('A1: a state-changing request without the CSRF token is refused and changes nothing', async () => {
    const { admin, organisation } = await makeAccount(world.services.db);
    const client = new Client(world.app);
    await client.signIn(admin.email, PASSWORD);
    const token = client.csrfToken;
    client.csrfToken = undefined;
    const refused = await client.patch(`/api/v1/orgs/${organisation.id}`, { name: 'Hijacked' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('csrf_failed');
    client.csrfToken = token;
    const org = await client.get(`/api/v1/orgs/${organisation.id}`);
    expect(org.body.name).toBe(organisation.name);
    const accepted = await client.patch(`/api/v1/orgs/${organisation.id}`, { name: 'Renamed clinic' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.name).toBe('Renamed clinic');
  });

  it('A1: a state-changing request from another origin is refused', async () => {
    const { admin, organisation } = await makeAccount(world.services.db);
    const client = new Client(world.app);
    await client.signIn(admin.email, PASSWORD);
    const refused = await client.request(
      'PATCH',
      `/api/v1/orgs/${organisation.id}`,
      { name: 'Evil' },
      { origin: 'https://evil.example', host: 'localhost:3000' },
    );
    expect(refused.status).toBe(403);
    const sameOrigin = await client.request(
      'PATCH',
      `/api/v1/orgs/${organisation.id}`,
      { name: 'Fine' },
      { origin: 'http://localhost:3000', host: 'localhost:3000' },
    );
    expect(sameOrigin.status).toBe(200);
  });

  it('A1: sign-out deletes the session', async () => {
    const { admin } = await makeAccount(world.services.db);
    const client = new Client(world.app);
    await client.signIn(admin.email, PASSWORD);
    const cookie = { ...client.cookies };
    expect((await client.post('/api/v1/auth/sign-out')).status).toBe(200);
    client.cookies = cookie;
    expect((await client.get('/api/v1/auth/session')).status).toBe(401);
  });

  it('A1: changing the password needs the current one and signs out other sessions', async () => {
    const { admin } = await makeAccount(world.services.db);
    const laptop = new Client(world.app);
    const phone = new Client(world.app);
    await laptop.signIn(admin.email, PASSWORD);
    await phone.signIn(admin.email, PASSWORD);
    const wrong = await laptop.post('/api/v1/auth/password', {
      currentPassword: 'nope',
      newPassword: 'a-new-password-1',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe('currentPassword');
    const short = await laptop.post('/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.fields[0].path).toBe('newPassword');
    const ok = await laptop.post('/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a-new-password-1',
    });
    expect(ok.status).toBe(200);
    expect((await laptop.get('/api/v1/auth/session')).status).toBe(200);
    expect((await phone.get('/api/v1/auth/session')).status).toBe(401);
    const again = new Client(world.app);
    await again.signIn(admin.email, 'a-new-password-1');
  });

  it('A1: sign-in is rate-limited per address and email', async () => {
    const { admin } = await makeAccount(world.services.db);
    const client = new Client(world.app);
    client.language = 'en';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      statuses.push(
        (await client.post('/api/v1/auth/sign-in', { email: admin.email, password: 'wrong-one' })).status,
      );
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    const limited = await client.post('/api/v1/auth/sign-in', { email: admin.email, password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.body.error.message).toMatch(/Too many attempts/);
  });

  it('A1: an expired session is refused', async () => {
    const { admin } = await makeAccount(world.services.db);
    const client = new Client(world.app);
    await client.signIn(admin.email, PASSWORD);
    await world.services.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.staffId, admin.id));
    expect((await client.get('/api/v1/auth/session')).status).toBe(401);
  });

  it('A1: the language choice is saved on the staff profile', async () => {
    const { admin } = await makeAccount(world.services.db);
    const client = new Client(world.app);
    await client.signIn(admin.email, PASSWORD);
    expect((await client.put('/api/v1/auth/language', { language: 'en' })).status).toBe(200);
    expect((await client.get('/api/v1/auth/session')).body.staff.language).toBe('en');
    const invalid = await client.put('/api/v1/auth/language', { language: 'de' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.fields[0].path).toBe('language');
  });
});
