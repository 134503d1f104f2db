// SPEC P4 (profile) and U3: the signed-in person edits their names, mobile phone, language and email. Names,
// phone and language change at once, in the record's history as the user's own change. A new email is
// proven before it replaces the old one: asking for it needs the current password and sends a link to the
// new address; until it is followed, sign-in and notifications keep using the old address (verify-email.ts).
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { verifyPassword } from '../../auth/password.ts';
import type { Config } from '../../config.ts';
import type { Db, Tx } from '../../db/client.ts';
import {
  type FieldChange,
  type Language,
  organisations,
  portalAccounts,
  portalEmailVerifications,
  userHistory,
  userOrganisations,
  users,
} from '../../db/schema.ts';
import { AppError, fieldError } from '../../errors.ts';
import { defaultCountryFor, normaliseEmail, normalisePhone } from '../../users/contact.ts';
import type { PortalUser } from '../sessions.ts';
import { sendVerification } from '../verification.ts';
import { getProfile } from './user-space.ts';

export type ProfileInput = {
  firstName?: string;
  lastName?: string;
  mobilePhone?: string | null;
  language?: Language;
  email?: string;
  /** Required when the email changes. */
  currentPassword?: string;
};
type Services = { db: Db; boss: PgBoss; config: Config };

/** The organisation the person's record belongs to first: its country reads local phone numbers. */
export async function homeOrganisation(tx: Tx, userId: string) {
  const [row] = await tx
    .select({ organisation: organisations })
    .from(userOrganisations)
    .innerJoin(organisations, eq(organisations.id, userOrganisations.organisationId))
    .where(eq(userOrganisations.userId, userId))
    .orderBy(asc(userOrganisations.createdAt))
    .limit(1);
  if (!row) throw new AppError('not_found');
  return row.organisation;
}

function normaliseNames(input: ProfileInput) {
  const out: { firstName?: string; lastName?: string } = {};
  for (const field of ['firstName', 'lastName'] as const) {
    if (input[field] === undefined) continue;
    const value = input[field].trim();
    if (!value) throw fieldError(field, 'required');
    out[field] = value;
  }
  return out;
}

export async function updateMyProfile(services: Services, portalUser: PortalUser, input: ProfileInput) {
  const { db } = services;
  const { userId, portalAccountId } = portalUser;
  const names = normaliseNames(input);
  const email = input.email === undefined ? undefined : normaliseEmail(input.email, 'email');
  if (input.email !== undefined && !email) throw fieldError('email', 'required');
  await db.transaction(async (tx) => {
    const organisation = await homeOrganisation(tx, userId);
    const mobilePhone =
      input.mobilePhone === undefined
        ? undefined
        : normalisePhone(input.mobilePhone, defaultCountryFor(organisation), 'mobilePhone', 'mobile');
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new AppError('not_found');
    const next = { ...names, mobilePhone, language: input.language };
    const changes: FieldChange[] = (['firstName', 'lastName', 'mobilePhone', 'language'] as const)
      .filter((field) => next[field] !== undefined && next[field] !== user[field])
      .map((field) => ({ field, from: user[field], to: next[field] }));
    if (changes.length) {
      await tx
        .update(users)
        .set({
          ...Object.fromEntries(changes.map((change) => [change.field, change.to])),
          version: user.version + 1,
          updatedAt: new Date(),
        })
        .where(eq(users.id, userId));
      await tx
        .insert(userHistory)
        .values({ userId, action: 'updated', actorIsUser: true, changes, details: { source: 'portal' } });
    }
    if (email !== undefined && email !== null)
      await requestEmailChange(tx, services, { portalUser, organisationId: organisation.id, email, input });
  });
  return getProfile(db, userId, portalAccountId);
}

async function requestEmailChange(
  tx: Tx,
  { boss, config }: Services,
  args: { portalUser: PortalUser; organisationId: string; email: string; input: ProfileInput },
) {
  const { portalUser, email, input } = args;
  const [account] = await tx
    .select()
    .from(portalAccounts)
    .where(eq(portalAccounts.id, portalUser.portalAccountId))
    .for('update');
  if (!account || account.email.toLowerCase() === email) return;
  if (!input.currentPassword) throw fieldError('currentPassword', 'required');
  if (!(await verifyPassword(account.passwordHash, input.currentPassword)))
    throw new AppError('wrong_password', [{ path: 'currentPassword', code: 'incorrect' }]);
  // Asking again for the same pending address does not send another link.
  const [pending] = await tx
    .select({ id: portalEmailVerifications.id })
    .from(portalEmailVerifications)
    .where(
      and(
        eq(portalEmailVerifications.portalAccountId, account.id),
        eq(portalEmailVerifications.purpose, 'email_change'),
        eq(portalEmailVerifications.email, email),
        isNull(portalEmailVerifications.usedAt),
        gt(portalEmailVerifications.expiresAt, new Date()),
      ),
    );
  if (pending) return;
  const isSent = await sendVerification(tx, boss, config, {
    portalAccountId: account.id,
    userId: portalUser.userId,
    organisationId: args.organisationId,
    email,
    purpose: 'email_change',
  });
  if (!isSent) throw new AppError('rate_limited', [], { seconds: 3600 });
  await tx.insert(userHistory).values({
    userId: portalUser.userId,
    action: 'email_change_requested',
    actorIsUser: true,
    details: { from: account.email, to: email },
  });
}
