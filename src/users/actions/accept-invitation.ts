// U5: the invited person sets a password; the portal account is tied to the existing record (no duplicate).
// U6: portal emails are unique, case-insensitively (enforced by a unique index as well).
import { eq, sql } from 'drizzle-orm';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../../auth/password.ts';
import { hashToken } from '../../auth/sessions.ts';
import { type Db, sqlStateOf } from '../../db/client.ts';
import { organisations, portalAccounts, userHistory, userInvitations, users } from '../../db/schema.ts';
import { AppError, fieldError } from '../../errors.ts';
import { normaliseEmail } from '../contact.ts';
import { resolveMergedId } from '../visibility.ts';

type Invitation = typeof userInvitations.$inferSelect;

function assertUsable(invitation: Invitation | undefined): Invitation {
  if (!invitation) throw new AppError('invitation_invalid');
  if (invitation.usedAt) throw new AppError('invitation_used');
  if (invitation.expiresAt.getTime() <= Date.now()) throw new AppError('invitation_expired');
  return invitation;
}

async function findInvitation(db: Db, token: string) {
  const [invitation] = await db
    .select()
    .from(userInvitations)
    .where(eq(userInvitations.tokenHash, hashToken(token)));
  return assertUsable(invitation);
}

/** What the acceptance page shows before the person sets a password. */
export async function previewInvitation(db: Db, token: string) {
  const invitation = await findInvitation(db, token);
  const userId = await resolveMergedId(db, invitation.userId);
  const [row] = await db
    .select({
      firstName: users.firstName,
      email: users.email,
      language: users.language,
      organisation: organisations.name,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, invitation.organisationId))
    .where(eq(users.id, userId));
  return {
    firstName: row!.firstName,
    organisationName: row!.organisation,
    language: row!.language,
    needsEmail: !row!.email,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

export async function acceptInvitation(db: Db, input: { token: string; password: string; email?: string }) {
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw fieldError('password', 'minLength', { limit: MIN_PASSWORD_LENGTH });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(userInvitations)
        .where(eq(userInvitations.tokenHash, hashToken(input.token)))
        .for('update');
      const invitation = assertUsable(row);
      const userId = await resolveMergedId(tx, invitation.userId);
      const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
      const email = user!.email ?? normaliseEmail(input.email);
      if (!email) throw fieldError('email', 'required');
      const [taken] = await tx
        .select({ id: portalAccounts.id })
        .from(portalAccounts)
        .where(eq(sql`lower(${portalAccounts.email})`, email));
      if (taken) throw new AppError('portal_email_taken', [{ path: 'email', code: 'email_in_use' }]);
      const [account] = await tx
        .insert(portalAccounts)
        .values({
          userId,
          email,
          passwordHash,
          emailVerifiedAt: invitation.channel === 'email' ? new Date() : null,
        })
        .returning();
      if (!user!.email)
        await tx
          .update(users)
          .set({ email, version: user!.version + 1 })
          .where(eq(users.id, userId));
      await tx
        .update(userInvitations)
        .set({ usedAt: new Date() })
        .where(eq(userInvitations.id, invitation.id));
      await tx.insert(userHistory).values({
        userId,
        action: 'portal_account_created',
        actorIsUser: true,
        details: { channel: invitation.channel },
      });
      return { userId, portalAccountId: account!.id, email };
    });
  } catch (error) {
    // Two acceptances racing: the unique indexes decide, the loser gets a clear answer.
    if (sqlStateOf(error) === '23505') throw new AppError('invitation_used');
    throw error;
  }
}
