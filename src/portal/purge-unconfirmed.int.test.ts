// P4 (data kept no longer than needed): self sign-ups never confirmed within a week are removed by the hourly
// purge, with the record they created — unless that record has a life of its own. On PGlite and PostgreSQL.
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../../test/factories.ts';
import {
  localInstant,
  makeAppointment,
  makeClinic,
  makeService,
  makeUser,
} from '../../test/scheduling-factories.ts';
import { Client, startTestApp, type TestApp } from '../../test/test-app.ts';
import { portalAccounts, portalEmailVerifications, users } from '../db/schema.ts';
import { purgeUnconfirmedSignUps, UNCONFIRMED_SIGN_UP_DAYS } from './jobs/purge-unconfirmed.ts';

let world: TestApp;
beforeAll(async () => {
  world = await startTestApp();
});
afterAll(() => world?.close());

const SECRET = 'my-portal-secret-1';
let visitor = 0;

async function setup() {
  const clinic = await makeClinic(world.services.db);
  const admin = new Client(world.app);
  await admin.signIn(clinic.admin.email, PASSWORD);
  /** A sign-up from its own address; the account and its record. */
  const signUp = async (firstName: string, lastName = 'Fortin') => {
    const email = `${firstName.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
    visitor++;
    const response = await new Client(world.app).request(
      'POST',
      `/api/v1/public/organisations/${clinic.organisation.slug}/sign-up`,
      { firstName, lastName, email, password: SECRET },
      { 'x-forwarded-for': `10.9.${Math.floor(visitor / 250)}.${visitor % 250}` },
    );
    expect(response.status).toBe(202);
    const [account] = await world.services.db
      .select()
      .from(portalAccounts)
      .where(eq(portalAccounts.email, email));
    return { email, accountId: account!.id, userId: account!.userId };
  };
  return { ...clinic, admin, signUp };
}

/** As if the account and its links had been made `days` ago. */
async function age(accountId: string, days: number) {
  const { db } = world.services;
  const at = sql`now() - make_interval(days => ${days})`;
  await db.update(portalAccounts).set({ createdAt: at }).where(eq(portalAccounts.id, accountId));
  await db
    .update(portalEmailVerifications)
    .set({ createdAt: at })
    .where(eq(portalEmailVerifications.portalAccountId, accountId));
}

async function remaining(ids: { accountIds: string[]; userIds: string[] }) {
  const { db } = world.services;
  const accounts = await db
    .select({ id: portalAccounts.id })
    .from(portalAccounts)
    .where(inArray(portalAccounts.id, ids.accountIds));
  const records = await db.select({ id: users.id }).from(users).where(inArray(users.id, ids.userIds));
  return { accounts: accounts.map((a) => a.id), records: records.map((r) => r.id) };
}

describe('P4 unconfirmed sign-ups', () => {
  it(`P4: a sign-up unconfirmed ${UNCONFIRMED_SIGN_UP_DAYS} days after its last link goes, with the record it created; everything else stays`, async () => {
    const { db } = world.services;
    const { signUp, admin, organisation, account, provider, location } = await setup();
    const old = await signUp('Ancien');
    await age(old.accountId, UNCONFIRMED_SIGN_UP_DAYS + 1);

    const recent = await signUp('Recent');
    await age(recent.accountId, UNCONFIRMED_SIGN_UP_DAYS - 1);

    const confirmed = await signUp('Confirme');
    await age(confirmed.accountId, UNCONFIRMED_SIGN_UP_DAYS + 1);
    await db
      .update(portalAccounts)
      .set({ emailVerifiedAt: new Date() })
      .where(eq(portalAccounts.id, confirmed.accountId));

    // A fresh link keeps an old account: the person is still trying.
    const retried = await signUp('Relance');
    await age(retried.accountId, UNCONFIRMED_SIGN_UP_DAYS + 1);
    await db
      .update(portalEmailVerifications)
      .set({ createdAt: sql`now() - interval '1 day'` })
      .where(eq(portalEmailVerifications.portalAccountId, retried.accountId));

    // Records with a life of their own stay; only their unconfirmed account goes.
    const edited = await signUp('Modifie');
    await age(edited.accountId, UNCONFIRMED_SIGN_UP_DAYS + 1);
    const patch = await admin.patch(`/api/v1/orgs/${organisation.id}/users/${edited.userId}`, {
      firstName: 'Modifiée',
    });
    expect(patch.status).toBe(200);

    const booked = await signUp('Reserve');
    await age(booked.accountId, UNCONFIRMED_SIGN_UP_DAYS + 1);
    const service = await makeService(db, organisation.id, location.id);
    await makeAppointment(db, {
      organisationId: organisation.id,
      serviceId: service.id,
      providerId: provider.id,
      locationId: location.id,
      startsAt: localInstant('America/Toronto', 3, '10:00'),
      userIds: [booked.userId],
    });

    // A sign-up tied to a record the clinic already had: that record is left as it was.
    const matchedEmail = `existant-${Math.random().toString(36).slice(2, 8)}@example.test`;
    const existing = await makeUser(db, account.id, organisation.id, {
      firstName: 'Existant',
      lastName: 'Fortin',
      email: matchedEmail,
    });
    const matched = await new Client(world.app).request(
      'POST',
      `/api/v1/public/organisations/${organisation.slug}/sign-up`,
      { firstName: 'Existant', lastName: 'Fortin', email: matchedEmail, password: SECRET },
      { 'x-forwarded-for': '10.8.0.1' },
    );
    expect(matched.status).toBe(202);
    const [matchedAccount] = await db
      .select()
      .from(portalAccounts)
      .where(eq(portalAccounts.email, matchedEmail));
    expect(matchedAccount!.userId).toBe(existing.id);
    await age(matchedAccount!.id, UNCONFIRMED_SIGN_UP_DAYS + 1);

    const all = [
      old,
      recent,
      confirmed,
      retried,
      edited,
      booked,
      { accountId: matchedAccount!.id, userId: existing.id },
    ];
    const purged = await purgeUnconfirmedSignUps(db);
    expect(purged).toMatchObject({ accounts: 4, records: 1 });
    const left = await remaining({
      accountIds: all.map((a) => a.accountId),
      userIds: all.map((a) => a.userId),
    });
    expect(left.accounts.sort()).toEqual([recent.accountId, confirmed.accountId, retried.accountId].sort());
    expect(left.records.sort()).toEqual(
      all
        .filter((a) => a !== old)
        .map((a) => a.userId)
        .sort(),
    );
    // Nothing left to do: a second run changes nothing.
    expect(await purgeUnconfirmedSignUps(db)).toEqual({ accounts: 0, records: 0 });
  });
});
