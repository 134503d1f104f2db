// A2: every registered API route goes through the access mechanism. Walks all routes: anonymous calls are
// refused; staff of another organisation (same account or another account) can neither read nor change.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeOrganisation, makeStaff, PASSWORD } from '../../test/factories.ts';
import { Client, startTestApp, type TestApp } from '../../test/test-app.ts';
import { getOrganisation, listLocations, listStaffMembers } from '../accounts/queries.ts';

let world: TestApp;
beforeAll(async () => {
  world = await startTestApp();
});
afterAll(() => world?.close());

function fillUrl(url: string, ids: { orgId: string; accountId: string }) {
  return url
    .replace(':orgId', ids.orgId)
    .replace(':accountId', ids.accountId)
    .replace(/:(\w+)/g, () => randomUUID());
}

const sampleBodies: Record<string, unknown> = {
  name: 'Changed by intruder',
  email: 'intruder@example.test',
  firstName: 'In',
  lastName: 'Truder',
  role: 'admin',
  language: 'en',
};

describe('A2 authorization on every route', () => {
  it('A2: the app refuses to start with a route that declares no access rule', async () => {
    const Fastify = (await import('fastify')).default;
    const { installAccessControl } = await import('./access.ts');
    const app = Fastify();
    installAccessControl(app);
    expect(() => app.get('/api/v1/unguarded', async () => 'x')).toThrow(/declares no access rule/);
  });

  it('A2: every non-public route refuses an anonymous caller with 401', async () => {
    const { organisation, account } = await makeAccount(world.services.db);
    const guarded = world.app.apiRoutes.filter((route) => route.access.kind !== 'public');
    expect(guarded.length).toBeGreaterThan(10);
    const anonymous = new Client(world.app);
    for (const route of guarded) {
      const url = fillUrl(route.url, { orgId: organisation.id, accountId: account.id });
      const response = await anonymous.request(
        route.method as 'GET',
        url,
        route.method === 'GET' ? undefined : sampleBodies,
      );
      expect({ route: `${route.method} ${route.url}`, status: response.status }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
      });
      expect(response.body.error.code).toBe('unauthenticated');
    }
  });

  it('A2: an admin of organisation B cannot read or change organisation A, in another account or the same one', async () => {
    const { db } = world.services;
    const a = await makeAccount(db);
    const otherAccount = await makeAccount(db);
    const sameAccountOrg = await makeOrganisation(db, a.account.id);
    const sameAccountAdmin = await makeStaff(db, a.account.id, [
      { organisationId: sameAccountOrg.id, role: 'admin' },
    ]);
    const before = {
      organisation: await getOrganisation(db, a.organisation.id),
      locations: await listLocations(db, a.organisation.id),
      staff: await listStaffMembers(db, a.organisation.id),
    };
    const intruders = [
      { email: otherAccount.admin.email, crossAccount: true },
      { email: sameAccountAdmin.email, crossAccount: false },
    ];
    const scoped = world.app.apiRoutes.filter(
      (route) => route.access.kind === 'organisation' || route.access.kind === 'account',
    );
    for (const intruder of intruders) {
      const client = new Client(world.app);
      await client.signIn(intruder.email, PASSWORD);
      for (const route of scoped) {
        // Account-wide routes are legitimately shared by organisations of the same account.
        if (route.access.kind === 'account' && !intruder.crossAccount) continue;
        const url = fillUrl(route.url, { orgId: a.organisation.id, accountId: a.account.id });
        const response = await client.request(
          route.method as 'GET',
          url,
          route.method === 'GET' ? undefined : sampleBodies,
        );
        expect({ route: `${route.method} ${route.url}`, status: response.status }).toEqual({
          route: `${route.method} ${route.url}`,
          status: 404,
        });
        expect(response.body.error.code).toBe('not_visible');
      }
    }
    expect(await getOrganisation(db, a.organisation.id)).toEqual(before.organisation);
    expect(await listLocations(db, a.organisation.id)).toEqual(before.locations);
    expect(await listStaffMembers(db, a.organisation.id)).toEqual(before.staff);
  });

  it('A2: roles are enforced: a provider may read the organisation but not change it or list staff', async () => {
    const { db } = world.services;
    const a = await makeAccount(db);
    const provider = await makeStaff(db, a.account.id, [
      { organisationId: a.organisation.id, role: 'provider' },
    ]);
    const agent = await makeStaff(db, a.account.id, [{ organisationId: a.organisation.id, role: 'agent' }]);
    const asProvider = new Client(world.app);
    await asProvider.signIn(provider.email, PASSWORD);
    expect((await asProvider.get(`/api/v1/orgs/${a.organisation.id}`)).status).toBe(200);
    const patch = await asProvider.patch(`/api/v1/orgs/${a.organisation.id}`, { name: 'Nope' });
    expect(patch.status).toBe(403);
    expect(patch.body.error.code).toBe('forbidden');
    expect((await asProvider.get(`/api/v1/orgs/${a.organisation.id}/staff`)).status).toBe(403);
    const asAgent = new Client(world.app);
    await asAgent.signIn(agent.email, PASSWORD);
    expect((await asAgent.get(`/api/v1/orgs/${a.organisation.id}/staff`)).status).toBe(200);
    expect((await asAgent.post(`/api/v1/orgs/${a.organisation.id}/locations`, { name: 'X' })).status).toBe(
      403,
    );
    expect((await getOrganisation(db, a.organisation.id)).name).toBe(a.organisation.name);
  });
});
