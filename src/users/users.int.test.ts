// User records through the HTTP API: U1–U8 and A4, on PGlite and PostgreSQL.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeOrganisation, makeStaff, PASSWORD } from '../../test/factories.ts';
import { localInstant, makeClinic, makeService } from '../../test/scheduling-factories.ts';
import { Client, startTestApp, type TestApp } from '../../test/test-app.ts';
import { waitFor } from '../../test/wait.ts';
import { hashToken } from '../auth/sessions.ts';
import {
  accounts,
  outboxMessages,
  portalAccounts,
  userInvitations,
  userOrganisations,
  users,
} from '../db/schema.ts';

let world: TestApp;
beforeAll(async () => {
  world = await startTestApp({ worker: true });
});
afterAll(() => world?.close());

async function clinic() {
  const { db } = world.services;
  const created = await makeAccount(db);
  const admin = new Client(world.app);
  await admin.signIn(created.admin.email, PASSWORD);
  const base = `/api/v1/orgs/${created.organisation.id}`;
  return { ...created, admin, base };
}

async function createUser(client: Client, base: string, body: Record<string, unknown>) {
  const response = await client.post(`${base}/users`, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

describe('U1 create a user record', () => {
  it('U1: only first and last name are required; the record is attached to the creator’s organisation', async () => {
    const { admin, base, organisation } = await clinic();
    const created = await createUser(admin, base, { firstName: ' Léa ', lastName: 'Gagnon' });
    expect(created.user).toMatchObject({ firstName: 'Léa', lastName: 'Gagnon', email: null, language: 'fr' });
    expect(created.user.organisationIds).toEqual([organisation.id]);
    const missing = await admin.post(`${base}/users`, { firstName: 'Léa' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([
      expect.objectContaining({ path: 'lastName', code: 'required' }),
    ]);
  });

  it('U1: phones are stored in E.164 and emails lower-cased; a bad phone names the field in the caller’s language', async () => {
    const { admin, base } = await clinic();
    const created = await createUser(admin, base, {
      firstName: 'Marc',
      lastName: 'Roy',
      email: ' Marc.Roy@Example.COM ',
      mobilePhone: '(514) 555-0199',
      otherPhone: '450 555 0100',
      birthDate: '1975-06-30',
      language: 'en',
      address: '1 rue Principale',
      notes: 'Allergie au latex',
    });
    expect(created.user).toMatchObject({
      email: 'marc.roy@example.com',
      mobilePhone: '+15145550199',
      otherPhone: '+14505550100',
      birthDate: '1975-06-30',
      language: 'en',
    });
    admin.language = 'en';
    const bad = await admin.post(`${base}/users`, { firstName: 'A', lastName: 'B', mobilePhone: '12345' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([
      { path: 'mobilePhone', code: 'phone', message: 'is not a valid phone number' },
    ]);
    admin.language = 'fr';
    const badDate = await admin.post(`${base}/users`, {
      firstName: 'A',
      lastName: 'B',
      birthDate: '1990-02-30',
    });
    expect(badDate.body.error.fields).toEqual([
      { path: 'birthDate', code: 'date', message: 'n’est pas une date valide' },
    ]);
    const [count] = await world.services.db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(eq(users.firstName, 'A'));
    expect(count!.n).toBe(0);
  });
});

describe('U2 visibility', () => {
  it('U2: a record is visible only in its organisations unless the account shares users across organisations', async () => {
    const { db } = world.services;
    const { admin, base, account } = await clinic();
    const other = await makeOrganisation(db, account.id);
    const otherAgent = await makeStaff(db, account.id, [{ organisationId: other.id, role: 'agent' }]);
    const client = new Client(world.app);
    await client.signIn(otherAgent.email, PASSWORD);
    const otherBase = `/api/v1/orgs/${other.id}`;
    const { user } = await createUser(admin, base, {
      firstName: 'Zoé',
      lastName: 'Visible',
      birthDate: '1990-01-01',
    });

    expect((await client.get(`${otherBase}/users/${user.id}`)).status).toBe(404);
    expect((await client.get(`${otherBase}/users/${user.id}/history`)).status).toBe(404);
    expect((await client.patch(`${otherBase}/users/${user.id}`, { notes: 'x' })).status).toBe(404);
    expect((await client.get(`${otherBase}/users?q=zoe`)).body.items).toEqual([]);
    const probe = await client.get(
      `${otherBase}/users/duplicates?firstName=Zoe&lastName=Visible&birthDate=1990-01-01`,
    );
    expect(probe.body.duplicates).toEqual([]);

    await db
      .update(accounts)
      .set({ usersVisibleAcrossOrganisations: true })
      .where(eq(accounts.id, account.id));
    expect((await client.get(`${otherBase}/users/${user.id}`)).status).toBe(200);
    expect(
      (await client.get(`${otherBase}/users?q=zoe`)).body.items.map((u: { id: string }) => u.id),
    ).toEqual([user.id]);
  });

  it('U2: another account never sees the record, even with its own setting on', async () => {
    const { db } = world.services;
    const first = await clinic();
    const second = await clinic();
    await db
      .update(accounts)
      .set({ usersVisibleAcrossOrganisations: true })
      .where(eq(accounts.id, second.account.id));
    const { user } = await createUser(first.admin, first.base, { firstName: 'Secret', lastName: 'Person' });
    expect((await second.admin.get(`${second.base}/users/${user.id}`)).status).toBe(404);
    expect((await second.admin.get(`${second.base}/users?q=secret`)).body.items).toEqual([]);
  });
});

describe('U3 history and U4 preferences', () => {
  it('U3: every change is kept in the record’s history with who, when and old → new', async () => {
    const { admin, base, admin: _a } = await clinic();
    const { user } = await createUser(admin, base, {
      firstName: 'Paul',
      lastName: 'Leduc',
      mobilePhone: '5145550111',
    });
    const edited = await admin.patch(`${base}/users/${user.id}`, {
      lastName: 'Leduc-Martin',
      mobilePhone: '514 555 0122',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.user.version).toBe(2);
    const history = await admin.get(`${base}/users/${user.id}/history`);
    expect(history.body[0]).toMatchObject({
      action: 'updated',
      actor: 'Ada Admin',
      changes: [
        { field: 'lastName', from: 'Leduc', to: 'Leduc-Martin' },
        { field: 'mobilePhone', from: '+15145550111', to: '+15145550122' },
      ],
    });
    expect(history.body[1].action).toBe('created');
    expect(Date.parse(history.body[0].at)).toBeGreaterThan(0);
  });

  it('U4: staff may edit preferences until the user changed them in the portal; then the API refuses', async () => {
    const { admin, base } = await clinic();
    const { user } = await createUser(admin, base, {
      firstName: 'Ana',
      lastName: 'Pref',
      email: 'ana@example.test',
    });
    expect(
      (await admin.patch(`${base}/users/${user.id}`, { notifyBySms: false })).body.user.notifyBySms,
    ).toBe(false);
    await world.services.db
      .update(users)
      .set({ preferencesSetByUserAt: new Date() })
      .where(eq(users.id, user.id));
    admin.language = 'en';
    const refused = await admin.patch(`${base}/users/${user.id}`, { notifyBySms: true, notes: 'called' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('prefs_locked');
    expect(refused.body.error.message).toMatch(/changed their notification preferences/);
    expect(refused.body.error.fields[0].path).toBe('notifyBySms');
    const record = await admin.get(`${base}/users/${user.id}`);
    expect(record.body).toMatchObject({ preferencesLocked: true, notifyBySms: false, notes: null });
    // Sending the unchanged value (a full form) is not a change of preferences.
    const ok = await admin.patch(`${base}/users/${user.id}`, { notifyBySms: false, notes: 'called' });
    expect(ok.status).toBe(200);
  });

  it('U4: a record with neither email nor mobile carries the no-notification warning', async () => {
    const { admin, base } = await clinic();
    const { user } = await createUser(admin, base, {
      firstName: 'No',
      lastName: 'Contact',
      otherPhone: '4505550100',
    });
    expect(user.warnings).toEqual(['no_contact']);
    const withMobile = await admin.patch(`${base}/users/${user.id}`, { mobilePhone: '5145550100' });
    expect(withMobile.body.user.warnings).toEqual([]);
  });
});

describe('U5 invitations and U6 unique portal emails', () => {
  it('U5: an invitation sends a single-use link; accepting ties a portal account to the same record', async () => {
    const { db } = world.services;
    const { admin, base, organisation } = await clinic();
    const { user } = await createUser(admin, base, {
      firstName: 'Inès',
      lastName: 'Invitée',
      email: 'ines@example.test',
    });
    const invited = await admin.post(`${base}/users/${user.id}/invitations`, { channel: 'email' });
    expect(invited.status).toBe(201);
    const message = await waitFor(async () => {
      const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.userId, user.id));
      return row;
    });
    expect(message).toMatchObject({
      channel: 'email',
      recipient: 'ines@example.test',
      kind: 'user_invitation',
    });
    expect(message.subject).toContain(organisation.name);
    const token = /\/portal\/invitation\/([\w-]+)/.exec(message.bodyText)![1]!;
    const [stored] = await db.select().from(userInvitations).where(eq(userInvitations.userId, user.id));
    expect(stored!.tokenHash).not.toContain(token);

    const anonymous = new Client(world.app);
    const preview = await anonymous.get(`/api/v1/public/invitations/${token}`);
    expect(preview.body).toMatchObject({
      firstName: 'Inès',
      organisationName: organisation.name,
      needsEmail: false,
    });
    const accepted = await anonymous.post(`/api/v1/public/invitations/${token}/accept`, {
      password: 'my-secret-pass',
    });
    expect(accepted.status).toBe(201);
    const [portal] = await db.select().from(portalAccounts).where(eq(portalAccounts.userId, user.id));
    expect(portal!.email).toBe('ines@example.test');
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(eq(users.lastName, 'Invitée'));
    expect(count!.n).toBe(1);
    anonymous.language = 'en';
    const reused = await anonymous.post(`/api/v1/public/invitations/${token}/accept`, {
      password: 'another-pass-1',
    });
    expect(reused.status).toBe(409);
    expect(reused.body.error).toMatchObject({
      code: 'invitation_used',
      message: 'This invitation link has already been used.',
    });
    expect((await admin.get(`${base}/users/${user.id}`)).body.hasPortalAccount).toBe(true);
  });

  it('U5: expired, replaced and unknown links are refused clearly; SMS needs a mobile', async () => {
    const { db } = world.services;
    const { admin, base } = await clinic();
    const { user } = await createUser(admin, base, {
      firstName: 'Exp',
      lastName: 'Ired',
      email: 'exp@example.test',
    });
    const noMobile = await admin.post(`${base}/users/${user.id}/invitations`, { channel: 'sms' });
    expect(noMobile.status).toBe(400);
    expect(noMobile.body.error.code).toBe('no_contact_for_channel');
    await admin.post(`${base}/users/${user.id}/invitations`, { channel: 'email' });
    await admin.post(`${base}/users/${user.id}/invitations`, { channel: 'email' });
    const messages = await waitFor(async () => {
      const rows = await db.select().from(outboxMessages).where(eq(outboxMessages.userId, user.id));
      return rows.length === 2 ? rows : undefined;
    });
    const tokens = messages.map((m) => /\/portal\/invitation\/([\w-]+)/.exec(m.bodyText)![1]!);
    const anonymous = new Client(world.app);
    const invitations = await db.select().from(userInvitations).where(eq(userInvitations.userId, user.id));
    const live = invitations.filter((i) => i.expiresAt.getTime() > Date.now());
    expect(live).toHaveLength(1);
    // The replaced link stops working the moment a new invitation is sent.
    const fresh = tokens.find((token) => hashToken(token) === live[0]!.tokenHash)!;
    const stale = tokens.find((token) => token !== fresh)!;
    const staleAnswer = await anonymous.post(`/api/v1/public/invitations/${stale}/accept`, {
      password: 'long-enough-1',
    });
    expect(staleAnswer.status).toBe(410);
    expect((await anonymous.get(`/api/v1/public/invitations/${fresh}`)).status).toBe(200);
    await db
      .update(userInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(userInvitations.userId, user.id));
    const expired = await anonymous.post(`/api/v1/public/invitations/${fresh}/accept`, {
      password: 'long-enough-1',
    });
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('invitation_expired');
    const unknown = await anonymous.get(`/api/v1/public/invitations/${'x'.repeat(43)}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('invitation_invalid');
    expect(await db.select().from(portalAccounts).where(eq(portalAccounts.userId, user.id))).toEqual([]);
  });

  it('U6: an email already used by another record gives a warning linking it, not a refusal', async () => {
    const { admin, base } = await clinic();
    const first = await createUser(admin, base, {
      firstName: 'Jean',
      lastName: 'Premier',
      email: 'famille@example.test',
    });
    const second = await createUser(admin, base, {
      firstName: 'Julie',
      lastName: 'Seconde',
      email: 'FAMILLE@example.test',
    });
    expect(second.emailInUse).toEqual([{ id: first.user.id, firstName: 'Jean', lastName: 'Premier' }]);
    const probe = await admin.get(
      `${base}/users/duplicates?firstName=X&lastName=Y&email=famille@example.test`,
    );
    expect(probe.body.emailInUse.map((u: { id: string }) => u.id).sort()).toEqual(
      [first.user.id, second.user.id].sort(),
    );
  });

  it('U6: portal accounts are unique by email, whatever the case', async () => {
    const { db } = world.services;
    const { admin, base } = await clinic();
    const a = await createUser(admin, base, {
      firstName: 'A',
      lastName: 'One',
      email: 'shared@example.test',
    });
    const b = await createUser(admin, base, {
      firstName: 'B',
      lastName: 'Two',
      email: 'Shared@Example.test',
    });
    const tokenFor = async (userId: string) => {
      await admin.post(`${base}/users/${userId}/invitations`, { channel: 'email' });
      const message = await waitFor(async () => {
        const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.userId, userId));
        return row;
      });
      return /\/portal\/invitation\/([\w-]+)/.exec(message.bodyText)![1]!;
    };
    const anonymous = new Client(world.app);
    expect(
      (
        await anonymous.post(`/api/v1/public/invitations/${await tokenFor(a.user.id)}/accept`, {
          password: 'long-enough-1',
        })
      ).status,
    ).toBe(201);
    const refused = await anonymous.post(`/api/v1/public/invitations/${await tokenFor(b.user.id)}/accept`, {
      password: 'long-enough-1',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('portal_email_taken');
  });
});

describe('U7 merge', () => {
  it('U7: the chosen values, organisations, history, invitations and portal account move to the kept record', async () => {
    const { db } = world.services;
    const { admin, base, account, organisation } = await clinic();
    await db
      .update(accounts)
      .set({ usersVisibleAcrossOrganisations: true })
      .where(eq(accounts.id, account.id));
    const other = await makeOrganisation(db, account.id);
    const otherAdmin = await makeStaff(db, account.id, [{ organisationId: other.id, role: 'admin' }]);
    const otherClient = new Client(world.app);
    await otherClient.signIn(otherAdmin.email, PASSWORD);
    const keep = await createUser(admin, base, {
      firstName: 'Éloïse',
      lastName: 'Tremblay',
      birthDate: '1988-03-14',
    });
    const drop = await createUser(otherClient, `/api/v1/orgs/${other.id}`, {
      firstName: 'Eloise',
      lastName: 'Tremblai',
      birthDate: '1988-03-14',
      email: 'eloise@example.test',
      mobilePhone: '+1 514 555 0123',
    });
    await otherClient.post(`/api/v1/orgs/${other.id}/users/${drop.user.id}/invitations`, {
      channel: 'email',
    });
    const message = await waitFor(async () => {
      const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.userId, drop.user.id));
      return row;
    });
    const token = /\/portal\/invitation\/([\w-]+)/.exec(message.bodyText)![1]!;
    await new Client(world.app).post(`/api/v1/public/invitations/${token}/accept`, {
      password: 'long-enough-1',
    });

    const preview = await admin.get(
      `${base}/users/merge-preview?keepId=${keep.user.id}&dropId=${drop.user.id}`,
    );
    expect(preview.status).toBe(200);
    const byField = Object.fromEntries(
      preview.body.fields.map((f: { field: string; equal: boolean }) => [f.field, f.equal]),
    );
    expect(byField).toMatchObject({ birthDate: true, firstName: false, email: false });

    const merged = await admin.post(`${base}/users/merge`, {
      keepId: keep.user.id,
      dropId: drop.user.id,
      choices: { email: 'drop', mobilePhone: 'drop' },
      versions: { keep: preview.body.keep.version, drop: preview.body.drop.version },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body).toMatchObject({
      firstName: 'Éloïse',
      lastName: 'Tremblay',
      email: 'eloise@example.test',
      mobilePhone: '+15145550123',
      hasPortalAccount: true,
    });
    expect(merged.body.organisationIds.sort()).toEqual([organisation.id, other.id].sort());

    const gone = await admin.get(`${base}/users/${drop.user.id}`);
    expect(gone.status).toBe(410);
    expect(gone.body.error).toMatchObject({ code: 'user_merged', details: { keptId: keep.user.id } });
    const search = await admin.get(`${base}/users?q=tremblay`);
    expect(search.body.items.map((u: { id: string }) => u.id)).toEqual([keep.user.id]);
    const history = (await admin.get(`${base}/users/${keep.user.id}/history`)).body;
    const actions = history.map((h: { action: string }) => h.action);
    expect(actions[0]).toBe('merged_from');
    expect(actions).toEqual(expect.arrayContaining(['invited', 'portal_account_created', 'created']));
    expect(history[0].changes).toEqual(
      expect.arrayContaining([{ field: 'email', from: null, to: 'eloise@example.test' }]),
    );
    const invitations = await db
      .select()
      .from(userInvitations)
      .where(eq(userInvitations.userId, drop.user.id));
    expect(invitations).toEqual([]);
    const links = await db.select().from(userOrganisations).where(eq(userOrganisations.userId, drop.user.id));
    expect(links).toEqual([]);
    const [portal] = await db
      .select()
      .from(portalAccounts)
      .where(eq(portalAccounts.email, 'eloise@example.test'));
    expect(portal!.userId).toBe(keep.user.id);
    const [dropped] = await db.select().from(users).where(eq(users.id, drop.user.id));
    expect(dropped!.mergedIntoId).toBe(keep.user.id);
  });

  it('U7: appointments move to the kept record (a shared group place is not doubled)', async () => {
    const { db } = world.services;
    const clinic = await makeClinic(db);
    const admin = new Client(world.app);
    await admin.signIn(clinic.admin.email, PASSWORD);
    const base = `/api/v1/orgs/${clinic.organisation.id}`;
    const group = await makeService(db, clinic.organisation.id, clinic.location.id, { capacity: 4 });
    const keep = await createUser(admin, base, { firstName: 'Group', lastName: 'Keep' });
    const drop = await createUser(admin, base, { firstName: 'Group', lastName: 'Drop' });
    const book = (userIds: string[], time: string) =>
      admin.post(`${base}/appointments`, {
        serviceId: group.id,
        providerId: clinic.provider.id,
        startsAt: localInstant('America/Toronto', 2, time),
        userIds,
      });
    expect((await book([keep.user.id, drop.user.id], '09:00')).status).toBe(201);
    expect((await book([drop.user.id], '10:00')).status).toBe(201);
    const merged = await admin.post(`${base}/users/merge`, {
      keepId: keep.user.id,
      dropId: drop.user.id,
      choices: {},
      versions: { keep: 1, drop: 1 },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    const list = await admin.get(`${base}/users/${keep.user.id}/appointments`);
    const live = list.body.filter((a: { status: string }) => a.status === 'scheduled');
    expect(live).toHaveLength(2);
    expect(list.body).toHaveLength(3);
  });

  it('U7: a record edited after the comparison is not merged over (nothing lost), and the same record cannot merge with itself', async () => {
    const { admin, base } = await clinic();
    const keep = await createUser(admin, base, { firstName: 'Ko', lastName: 'Keep' });
    const drop = await createUser(admin, base, { firstName: 'Ko', lastName: 'Drop' });
    await admin.patch(`${base}/users/${drop.user.id}`, { notes: 'important note typed meanwhile' });
    const stale = await admin.post(`${base}/users/merge`, {
      keepId: keep.user.id,
      dropId: drop.user.id,
      choices: { notes: 'drop' },
      versions: { keep: keep.user.version, drop: drop.user.version },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('record_changed');
    expect((await admin.get(`${base}/users/${drop.user.id}`)).status).toBe(200);
    const self = await admin.post(`${base}/users/merge`, {
      keepId: keep.user.id,
      dropId: keep.user.id,
      choices: {},
      versions: { keep: 1, drop: 1 },
    });
    expect(self.status).toBe(400);
  });

  it('U7: an edit racing a merge is either merged in or refused with 410 — never silently lost', async () => {
    const { admin, base } = await clinic();
    const keep = await createUser(admin, base, { firstName: 'Race', lastName: 'Keep' });
    const drop = await createUser(admin, base, { firstName: 'Race', lastName: 'Drop' });
    const [merge, edit] = await Promise.all([
      admin.post(`${base}/users/merge`, {
        keepId: keep.user.id,
        dropId: drop.user.id,
        choices: { notes: 'drop' },
        versions: { keep: 1, drop: 1 },
      }),
      admin.patch(`${base}/users/${drop.user.id}`, { notes: 'typed during the merge' }),
    ]);
    if (merge.status === 200) {
      expect(edit.status).toBe(410);
    } else {
      expect(merge.body.error.code).toBe('record_changed');
      expect(edit.status).toBe(200);
      expect((await admin.get(`${base}/users/${drop.user.id}`)).body.notes).toBe('typed during the merge');
    }
  });
});

describe('U8 duplicates and search', () => {
  it('U8: "Eloise Tremblai" is suggested as a duplicate of "Éloïse Tremblay" with the same birth date or phone', async () => {
    const { admin, base } = await clinic();
    const original = await createUser(admin, base, {
      firstName: 'Éloïse',
      lastName: 'Tremblay',
      birthDate: '1990-04-12',
      mobilePhone: '5145550101',
    });
    const byBirthDate = await admin.get(
      `${base}/users/duplicates?firstName=Eloise&lastName=Tremblai&birthDate=1990-04-12`,
    );
    expect(byBirthDate.body.duplicates.map((d: { id: string }) => d.id)).toEqual([original.user.id]);
    expect(byBirthDate.body.duplicates[0].reasons).toEqual(['similar_name', 'same_birth_date']);
    const byPhone = await admin.get(
      `${base}/users/duplicates?firstName=Eloise&lastName=Tremblai&mobilePhone=514-555-0101`,
    );
    expect(byPhone.body.duplicates.map((d: { id: string }) => d.id)).toEqual([original.user.id]);
    const nameOnly = await admin.get(
      `${base}/users/duplicates?firstName=Eloise&lastName=Tremblai&birthDate=1991-01-01`,
    );
    expect(nameOnly.body.duplicates).toEqual([]);
    const otherPerson = await admin.get(
      `${base}/users/duplicates?firstName=Marc&lastName=Gagnon&birthDate=1990-04-12`,
    );
    expect(otherPerson.body.duplicates).toEqual([]);
    const created = await createUser(admin, base, {
      firstName: 'Eloise',
      lastName: 'Tremblai',
      birthDate: '1990-04-12',
    });
    expect(created.duplicates.map((d: { id: string }) => d.id)).toEqual([original.user.id]);
    const page = await admin.get(`${base}/users/${original.user.id}`);
    expect(page.body.duplicates.map((d: { id: string }) => d.id)).toEqual([created.user.id]);
  });

  it('search: accent- and case-insensitive names, phone in any format, email and birth date, paginated', async () => {
    const { admin, base } = await clinic();
    const eloise = await createUser(admin, base, {
      firstName: 'Éloïse',
      lastName: 'Bélanger',
      mobilePhone: '+1 514 555 0101',
      email: 'eloise.b@example.test',
      birthDate: '1990-04-12',
    });
    const ids = async (q: string) =>
      (await admin.get(`${base}/users?q=${encodeURIComponent(q)}`)).body.items.map(
        (u: { id: string }) => u.id,
      );
    expect(await ids('eloise')).toEqual([eloise.user.id]);
    expect(await ids('BELANGER elo')).toEqual([eloise.user.id]);
    expect(await ids('514 555 0101')).toEqual([eloise.user.id]);
    expect(await ids('(514) 555-0101')).toEqual([eloise.user.id]);
    expect(await ids('eloise.b@')).toEqual([eloise.user.id]);
    expect(await ids('1990-04-12')).toEqual([eloise.user.id]);
    expect(await ids('12/04/1990')).toEqual([eloise.user.id]);
    expect(await ids('100%')).toEqual([]);
    for (const name of ['Adam', 'Bea', 'Chloé', 'Dan', 'Éric'])
      await createUser(admin, base, { firstName: name, lastName: 'Page' });
    const first = await admin.get(`${base}/users?q=page&limit=2`);
    expect(first.body.items.map((u: { firstName: string }) => u.firstName)).toEqual(['Adam', 'Bea']);
    const second = await admin.get(`${base}/users?q=page&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((u: { firstName: string }) => u.firstName)).toEqual(['Chloé', 'Dan']);
    const third = await admin.get(`${base}/users?q=page&limit=2&cursor=${second.body.nextCursor}`);
    expect(third.body.items.map((u: { firstName: string }) => u.firstName)).toEqual(['Éric']);
    expect(third.body.nextCursor).toBeNull();
  });
});

describe('A4 audit trail', () => {
  it('A4: every read of a full record is audited (who, when, which record, from which organisation); admins can view it', async () => {
    const { db } = world.services;
    const { admin, base, account, organisation } = await clinic();
    const agent = await makeStaff(db, account.id, [{ organisationId: organisation.id, role: 'agent' }], {
      firstName: 'Agnès',
      lastName: 'Agent',
    });
    const agentClient = new Client(world.app);
    await agentClient.signIn(agent.email, PASSWORD);
    const { user } = await createUser(admin, base, { firstName: 'Audit', lastName: 'Ed' });
    await agentClient.get(`${base}/users/${user.id}`);
    await admin.get(`${base}/users/${user.id}`);
    const trail = await admin.get(`${base}/audit?userId=${user.id}`);
    expect(trail.status).toBe(200);
    expect(trail.body.map((e: { staffName: string }) => e.staffName)).toEqual(['Ada Admin', 'Agnès Agent']);
    expect(trail.body[0]).toMatchObject({ action: 'view', userId: user.id, userName: 'Audit Ed' });
    expect((await agentClient.get(`${base}/audit`)).status).toBe(403);
  });
});
