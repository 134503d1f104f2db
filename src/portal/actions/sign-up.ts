// SPEC P4: self sign-up in the user space, and resending the verification link. The answer is the same
// whether or not the email already has an account (no enumeration): a new address gets a verification
// link, an unverified account a fresh link (and the newest password: whoever proves the mailbox *and*
// knows it finishes, see verify-email.ts), a verified account a "you already have an account" email.
// The account is tied to the organisation's record with the same email and name, or to a new record.
import { and, asc, type Column, eq, isNull, sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { assertStrongPassword, hashPassword } from '../../auth/password.ts';
import type { Config } from '../../config.ts';
import { type Db, sqlStateOf, type Tx } from '../../db/client.ts';
import {
  type Language,
  type organisations,
  portalAccounts,
  portalEmailVerifications,
  userHistory,
  userOrganisations,
  users,
} from '../../db/schema.ts';
import { fieldError } from '../../errors.ts';
import { enqueueNotification } from '../../notifications/enqueue.ts';
import { normaliseEmail } from '../../users/contact.ts';
import { createPortalRecord } from '../records.ts';
import { sendVerification } from '../verification.ts';

type Organisation = typeof organisations.$inferSelect;
export type SignUpInput = {
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  language: Language;
};
type Services = { db: Db; boss: PgBoss; config: Config };

const sameText = (column: Column, value: string) =>
  sql`immutable_unaccent(lower(${column})) = immutable_unaccent(lower(${value}))`;

/**
 * The organisation's record of this person: same email and same first and last names (accents and case
 * ignored) — a shared family address must not tie a parent's account to a child's record — and no
 * portal account yet. Otherwise a new record in the organisation.
 */
async function findOrCreateRecord(tx: Tx, organisation: Organisation, input: SignUpInput, email: string) {
  const [match] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(userOrganisations, eq(userOrganisations.userId, users.id))
    .leftJoin(portalAccounts, eq(portalAccounts.userId, users.id))
    .where(
      and(
        eq(userOrganisations.organisationId, organisation.id),
        isNull(users.mergedIntoId),
        isNull(portalAccounts.id),
        eq(users.email, email),
        sameText(users.firstName, input.firstName),
        sameText(users.lastName, input.lastName),
      ),
    )
    .orderBy(asc(users.createdAt))
    .limit(1);
  if (match) return match.id;
  return createPortalRecord(
    tx,
    organisation,
    { firstName: input.firstName, lastName: input.lastName, email, language: input.language },
    'sign_up',
  );
}

export async function signUp(services: Services, organisation: Organisation, raw: SignUpInput) {
  const input = { ...raw, firstName: raw.firstName.trim(), lastName: raw.lastName.trim() };
  if (!input.firstName) throw fieldError('firstName', 'required');
  if (!input.lastName) throw fieldError('lastName', 'required');
  const email = normaliseEmail(input.email, 'email');
  if (!email) throw fieldError('email', 'required');
  assertStrongPassword(input.password);
  // Hashed whatever happens next, so the answer takes as long for a known address as for a new one.
  const passwordHash = await hashPassword(input.password);
  const { db, boss, config } = services;
  try {
    await db.transaction(async (tx) => {
      const [account] = await tx
        .select()
        .from(portalAccounts)
        .where(eq(sql`lower(${portalAccounts.email})`, email))
        .for('update');
      if (account?.emailVerifiedAt || (account && account.source !== 'sign_up')) {
        await tellAccountExists(tx, services, organisation, account);
        return;
      }
      if (account) {
        await tx.update(portalAccounts).set({ passwordHash }).where(eq(portalAccounts.id, account.id));
        await sendVerification(tx, boss, config, {
          portalAccountId: account.id,
          userId: account.userId,
          organisationId: organisation.id,
          email,
          purpose: 'sign_up',
        });
        return;
      }
      const userId = await findOrCreateRecord(tx, organisation, input, email);
      const [created] = await tx
        .insert(portalAccounts)
        .values({ userId, email, passwordHash, source: 'sign_up' })
        .returning();
      await tx.insert(userHistory).values({
        userId,
        action: 'portal_account_created',
        actorIsUser: true,
        details: { source: 'sign_up', verified: false },
      });
      await sendVerification(tx, boss, config, {
        portalAccountId: created!.id,
        userId,
        organisationId: organisation.id,
        email,
        purpose: 'sign_up',
      });
    });
  } catch (error) {
    // Two sign-ups racing for one address: the unique index decides, the loser's answer is the same.
    if (sqlStateOf(error) !== '23505') throw error;
  }
}

/** At most one such email an hour, counted like the links, so sign-up cannot flood a known mailbox. */
async function tellAccountExists(
  tx: Tx,
  { boss, config }: Services,
  organisation: Organisation,
  account: typeof portalAccounts.$inferSelect,
) {
  const hour = new Date().toISOString().slice(0, 13);
  await enqueueNotification(boss, tx, {
    key: `account-exists:${account.id}:${hour}`,
    kind: 'account_exists',
    channel: 'email',
    organisationId: organisation.id,
    userId: account.userId,
    to: account.email,
    values: {
      link: `${config.publicUrl}/portal`,
      resetLink: `${config.publicUrl}/portal/forgot-password`,
      email: account.email,
    },
  });
}

/** Sends a new link to an unverified sign-up; the same neutral answer for any other address. */
export async function resendVerification(services: Services, rawEmail: string) {
  const email = normaliseEmail(rawEmail, 'email');
  if (!email) throw fieldError('email', 'required');
  const { db, boss, config } = services;
  await db.transaction(async (tx) => {
    const [account] = await tx
      .select()
      .from(portalAccounts)
      .where(eq(sql`lower(${portalAccounts.email})`, email))
      .for('update');
    if (!account || account.emailVerifiedAt || account.source !== 'sign_up') return;
    const [last] = await tx
      .select({ organisationId: portalEmailVerifications.organisationId })
      .from(portalEmailVerifications)
      .where(
        and(
          eq(portalEmailVerifications.portalAccountId, account.id),
          eq(portalEmailVerifications.purpose, 'sign_up'),
        ),
      )
      .orderBy(sql`${portalEmailVerifications.createdAt} desc`)
      .limit(1);
    if (!last) return;
    await sendVerification(tx, boss, config, {
      portalAccountId: account.id,
      userId: account.userId,
      organisationId: last.organisationId,
      email,
      purpose: 'sign_up',
    });
  });
}
