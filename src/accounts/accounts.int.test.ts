// Tenancy: account settings, organisations (time zone, language, phone), locations and staff roles.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, PASSWORD } from '../../test/factories.ts';
import { Client, startTestApp, type TestApp } from '../../test/test-app.ts';
import { DEMO_PASSWORD, DEMO_STAFF, seedDemo } from '../seed/demo.ts';
import { DEMO_SECOND_PROVIDER } from '../seed/meetings.ts';

let world: TestApp;
beforeAll(async () => {
  world = await startTestApp();
});
afterAll(() => world?.close());

async function signedInAdmin() {
  const created = await makeAccount(world.services.db);
  const client = new Client(world.app);
  await client.signIn(created.admin.email, PASSWORD);
  return { ...created, client };
}

describe('tenancy and staff', () => {
  it('U2: an admin turns on "users visible across all organisations" for the account (off by default)', async () => {
    const { client, account } = await signedInAdmin();
    expect((await client.get(`/api/v1/accounts/${account.id}`)).body.usersVisibleAcrossOrganisations).toBe(
      false,
    );
    const changed = await client.patch(`/api/v1/accounts/${account.id}`, {
      usersVisibleAcrossOrganisations: true,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.usersVisibleAcrossOrganisations).toBe(true);
  });

  it('organisation details: time zone, language and phone are changed by an admin', async () => {
    const { client, organisation } = await signedInAdmin();
    const changed = await client.patch(`/api/v1/orgs/${organisation.id}`, {
      timeZone: 'Europe/Paris',
      defaultLanguage: 'en',
      phone: '+33142000000',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      timeZone: 'Europe/Paris',
      defaultLanguage: 'en',
      phone: '+33142000000',
    });
  });

  it('locations: added, listed and renamed', async () => {
    const { client, organisation } = await signedInAdmin();
    const created = await client.post(`/api/v1/orgs/${organisation.id}/locations`, {
      name: 'Main site',
      address: '1 rue A',
    });
    expect(created.status).toBe(201);
    const renamed = await client.put(`/api/v1/orgs/${organisation.id}/locations/${created.body.id}`, {
      name: 'Main',
    });
    expect(renamed.body.name).toBe('Main');
    const list = await client.get(`/api/v1/orgs/${organisation.id}/locations`);
    expect(list.body.map((l: { name: string }) => l.name)).toEqual(['Main']);
  });

  it('staff: an admin adds an agent and a provider who can then sign in with their role', async () => {
    const { client, organisation } = await signedInAdmin();
    const added = await client.post(`/api/v1/orgs/${organisation.id}/staff`, {
      email: `New.Agent.${Date.now()}@Example.test`,
      firstName: 'Nora',
      lastName: 'Agent',
      role: 'agent',
      password: 'a-long-password',
    });
    expect(added.status).toBe(201);
    expect(added.body.email).toBe(added.body.email.toLowerCase());
    const duplicate = await client.post(`/api/v1/orgs/${organisation.id}/staff`, {
      email: added.body.email,
      firstName: 'Nora',
      lastName: 'Agent',
      role: 'provider',
    });
    expect(duplicate.status).toBe(409);
    const agent = new Client(world.app);
    const session = await agent.signIn(added.body.email, 'a-long-password');
    expect(session.memberships).toEqual([
      expect.objectContaining({ organisationId: organisation.id, role: 'agent' }),
    ]);
    const promoted = await client.put(`/api/v1/orgs/${organisation.id}/staff/${added.body.id}`, {
      role: 'provider',
    });
    expect(promoted.status).toBe(200);
    const removed = await client.delete(`/api/v1/orgs/${organisation.id}/staff/${added.body.id}`);
    expect(removed.status).toBe(200);
    expect((await agent.get(`/api/v1/orgs/${organisation.id}`)).status).toBe(404);
  });

  it('staff: an admin cannot remove or demote themselves (the organisation keeps an admin)', async () => {
    const { client, organisation, admin } = await signedInAdmin();
    expect((await client.delete(`/api/v1/orgs/${organisation.id}/staff/${admin.id}`)).status).toBe(403);
    expect(
      (await client.put(`/api/v1/orgs/${organisation.id}/staff/${admin.id}`, { role: 'agent' })).status,
    ).toBe(403);
  });

  it('A5: the demo seed creates two organisations in two time zones with staff of each role, once', async () => {
    const first = await seedDemo(world.services.db);
    const second = await seedDemo(world.services.db);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    const admin = new Client(world.app);
    const session = await admin.signIn(DEMO_STAFF.admin, DEMO_PASSWORD);
    const zones = session.memberships.map((m: { timeZone: string }) => m.timeZone).sort();
    expect(zones).toEqual(['America/Toronto', 'Europe/Paris']);
    const montreal = session.memberships.find((m: { slug: string }) => m.slug === 'clinique-plateau');
    const staffList = await admin.get(`/api/v1/orgs/${montreal.organisationId}/staff`);
    expect(new Set(staffList.body.map((s: { role: string }) => s.role))).toEqual(
      new Set(['admin', 'agent', 'provider']),
    );

    // Its activity: services offered online with free times ahead, a month of appointments to follow up.
    const services = (
      await world.app.inject({ url: '/api/v1/public/organisations/clinique-plateau/services' })
    ).json() as { id: string; nameEn: string }[];
    expect(services.map((s) => s.nameEn).sort()).toEqual([
      'Consultation',
      'Flu shot',
      'Information session (group)',
    ]);
    const flu = services.find((s) => s.nameEn === 'Flu shot')!;
    const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 8 * 86_400_000).toISOString().slice(0, 10);
    const times = await world.app.inject({
      url: `/api/v1/public/organisations/clinique-plateau/services/${flu.id}/slots?from=${from}&to=${to}`,
    });
    expect(times.json().length).toBeGreaterThan(0);
    const period = `from=${new Date(Date.now() - 15 * 86_400_000).toISOString()}&to=${new Date(Date.now() + 15 * 86_400_000).toISOString()}`;
    const rows = (await admin.get(`/api/v1/orgs/${montreal.organisationId}/followup?${period}&limit=200`))
      .body;
    const statuses = new Set(rows.items.map((r: { status: string }) => r.status));
    for (const status of ['present', 'absent', 'scheduled', 'cancelled']) expect(statuses).toContain(status);
    // V1–V6: a weekly team meeting the second provider has not answered yet.
    const invitee = new Client(world.app);
    await invitee.signIn(DEMO_SECOND_PROVIDER, DEMO_PASSWORD);
    const pending = await invitee.get(`/api/v1/orgs/${montreal.organisationId}/meetings?view=pending`);
    expect(pending.body).toHaveLength(4);
    expect(pending.body[0]).toMatchObject({ host: { firstName: 'Camille' }, upcomingInSeries: 4 });
    // Seeding again adds nothing.
    const count = async () =>
      (
        (await world.services.db.execute(sql`SELECT count(*)::int AS n FROM appointments`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n;
    const before = await count();
    await seedDemo(world.services.db);
    expect(await count()).toBe(before);
  });

  it('P1: the public page of an organisation shows its name, phone and locations without signing in', async () => {
    const { organisation, client } = await signedInAdmin();
    await client.post(`/api/v1/orgs/${organisation.id}/locations`, { name: 'Downtown' });
    const response = await world.app.inject({ url: `/api/v1/public/organisations/${organisation.slug}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: organisation.name,
      phone: '+15145550100',
      locations: [{ name: 'Downtown' }],
    });
    const missing = await world.app.inject({ url: '/api/v1/public/organisations/no-such-clinic' });
    expect(missing.statusCode).toBe(404);
  });
});
