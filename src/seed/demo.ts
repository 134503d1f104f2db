// `creneau seed --demo`: a demo account with two organisations in two time zones and staff of each role.
// Idempotent: does nothing when the demo account exists. With its activity: see activity.ts.
import { eq } from 'drizzle-orm';
import { setupAccount } from '../accounts/actions/setup-account.ts';
import { hashPassword } from '../auth/password.ts';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/client.ts';
import { locations, organisations, staff, staffMemberships } from '../db/schema.ts';
import { seedDemoActivity } from './activity.ts';
import { DEMO_SECOND_PROVIDER, seedDemoMeetings } from './meetings.ts';

export const DEMO_PASSWORD = 'creneau-demo-2026';
export const DEMO_STAFF = {
  admin: 'admin@demo.creneau.test',
  agent: 'agent@demo.creneau.test',
  provider: 'dr.roy@demo.creneau.test',
  providerParis: 'dr.martin@demo.creneau.test',
} as const;

export type SeedReport = { created: boolean; signIns: { role: string; email: string; password: string }[] };
type Progress = (message: string) => void;

/**
 * The demo account; with `activity` (the default) also its services, records and a month of appointments
 * (activity.ts) — the browser tests leave it out and make the data each journey needs.
 */
/** Appointments, then video meetings (each part skips itself when already there). */
async function seedActivity(db: Db, progress: Progress) {
  await seedDemoActivity(db, progress);
  await seedDemoMeetings(
    db,
    { password: DEMO_PASSWORD, videoUrlTemplate: loadConfig().videoUrlTemplate },
    progress,
  );
}

const withActivity = (signIns: SeedReport['signIns'], options: { activity?: boolean }) =>
  options.activity === false
    ? signIns
    : [
        ...signIns,
        {
          role: 'provider (Montréal, invited to meetings)',
          email: DEMO_SECOND_PROVIDER,
          password: DEMO_PASSWORD,
        },
      ];

export async function seedDemo(
  db: Db,
  progress: Progress = () => {},
  options: { activity?: boolean } = {},
): Promise<SeedReport> {
  const signIns = [
    { role: 'admin (both organisations)', email: DEMO_STAFF.admin, password: DEMO_PASSWORD },
    { role: 'agent (Montréal)', email: DEMO_STAFF.agent, password: DEMO_PASSWORD },
    { role: 'provider (Montréal)', email: DEMO_STAFF.provider, password: DEMO_PASSWORD },
    { role: 'provider (Paris)', email: DEMO_STAFF.providerParis, password: DEMO_PASSWORD },
  ];
  const [existing] = await db.select().from(staff).where(eq(staff.email, DEMO_STAFF.admin));
  if (existing) {
    // A demo made before the activity existed gets it now; otherwise nothing changes.
    if (options.activity ?? true) await seedActivity(db, progress);
    return { created: false, signIns: withActivity(signIns, options) };
  }

  progress('account and first organisation');
  const {
    organisation: montreal,
    admin,
    account,
  } = await setupAccount(db, {
    accountName: 'Réseau Santé Démo',
    organisation: {
      name: 'Clinique du Plateau',
      slug: 'clinique-plateau',
      timeZone: 'America/Toronto',
      defaultLanguage: 'fr',
      phone: '+15145550100',
    },
    admin: { email: DEMO_STAFF.admin, password: DEMO_PASSWORD, firstName: 'Alice', lastName: 'Gagnon' },
  });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    progress('second organisation (Paris)');
    const [paris] = await tx
      .insert(organisations)
      .values({
        accountId: account.id,
        name: 'Centre Lumière Paris',
        slug: 'centre-lumiere',
        timeZone: 'Europe/Paris',
        defaultLanguage: 'fr',
        phone: '+33142000000',
        address: '12 rue de la Paix, 75002 Paris',
      })
      .returning();
    await tx
      .update(organisations)
      .set({ address: '4500 avenue du Parc, Montréal QC H2V 4E5' })
      .where(eq(organisations.id, montreal.id));
    progress('locations');
    await tx.insert(locations).values([
      {
        organisationId: montreal.id,
        name: 'Plateau — avenue du Parc',
        address: '4500 avenue du Parc, Montréal',
      },
      {
        organisationId: montreal.id,
        name: 'Mile End — rue Saint-Viateur',
        address: '200 rue Saint-Viateur O., Montréal',
      },
      { organisationId: paris!.id, name: 'Paris 2e', address: '12 rue de la Paix, 75002 Paris' },
    ]);
    progress('staff');
    const people = await tx
      .insert(staff)
      .values([
        {
          accountId: account.id,
          email: DEMO_STAFF.agent,
          passwordHash,
          firstName: 'Bruno',
          lastName: 'Tremblay',
        },
        {
          accountId: account.id,
          email: DEMO_STAFF.provider,
          passwordHash,
          firstName: 'Camille',
          lastName: 'Roy',
          language: 'en',
          mobilePhone: '+15145550111',
        },
        {
          accountId: account.id,
          email: DEMO_STAFF.providerParis,
          passwordHash,
          firstName: 'Hugo',
          lastName: 'Martin',
        },
      ])
      .returning();
    const [agent, provider, providerParis] = people;
    await tx.insert(staffMemberships).values([
      { staffId: admin.id, organisationId: paris!.id, role: 'admin' },
      { staffId: agent!.id, organisationId: montreal.id, role: 'agent' },
      { staffId: provider!.id, organisationId: montreal.id, role: 'provider' },
      { staffId: providerParis!.id, organisationId: paris!.id, role: 'provider' },
    ]);
  });
  if (options.activity ?? true) await seedActivity(db, progress);
  return { created: true, signIns: withActivity(signIns, options) };
}
