// A3 and operations: the OpenAPI document, the reference page, health probes, request ids and
// validation errors naming the field in the caller's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, PASSWORD } from '../../test/factories.ts';
import { Client, startTestApp, type TestApp } from '../../test/test-app.ts';

let world: TestApp;
beforeAll(async () => {
  world = await startTestApp();
});
afterAll(() => world?.close());

describe('A3 versioned API', () => {
  it('A3: serves an OpenAPI 3.1 document listing the versioned routes', async () => {
    const response = await world.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/v1/auth/sign-in');
    expect(Object.keys(document.paths)).toContain('/api/v1/orgs/{orgId}/locations');
    expect(document.paths['/api/v1/auth/sign-in'].post.requestBody).toBeDefined();
  });

  it('A3: serves a browsable API reference', async () => {
    const response = await world.app.inject({ url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });

  it('A3: a validation error names each field and the problem, in French or English', async () => {
    const { admin, organisation } = await makeAccount(world.services.db);
    const client = new Client(world.app);
    await client.signIn(admin.email, PASSWORD);
    client.language = 'en';
    const english = await client.patch(`/api/v1/orgs/${organisation.id}`, {
      name: '',
      defaultLanguage: 'de',
    });
    expect(english.status).toBe(400);
    expect(english.body.error.code).toBe('validation_failed');
    expect(english.body.error.message).toBe('Some fields are invalid.');
    const paths = english.body.error.fields.map((field: { path: string }) => field.path);
    expect(paths).toContain('name');
    expect(paths).toContain('defaultLanguage');
    const name = english.body.error.fields.find((field: { path: string }) => field.path === 'name');
    expect(name).toMatchObject({ code: 'required', message: 'is required' });
    client.language = 'fr';
    const french = await client.patch(`/api/v1/orgs/${organisation.id}`, { timeZone: 'Mars/Olympus' });
    expect(french.status).toBe(400);
    expect(french.body.error).toEqual({
      code: 'validation_failed',
      message: 'Certains champs sont invalides.',
      fields: [{ path: 'timeZone', code: 'time_zone', message: 'n’est pas un fuseau horaire connu' }],
    });
  });

  it('A3: the lang cookie wins over Accept-Language', async () => {
    const response = await world.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: 'lang=en', 'accept-language': 'fr-CA,fr;q=0.9' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toBe('Please sign in.');
  });

  it('operations: /healthz and /readyz answer, and every response carries a request id', async () => {
    const health = await world.app.inject({ url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await world.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
    expect(health.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
    const traced = await world.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-12345678' } });
    expect(traced.headers['x-request-id']).toBe('trace-12345678');
  });

  it('operations: an unknown API path answers a JSON 404', async () => {
    const response = await world.app.inject({
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});
