// U5: invite a user to create their portal account (email or SMS link, single use, expiring). Only the
// token's SHA-256 is stored; the message is enqueued in the same transaction.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { hashToken, randomToken } from '../../auth/sessions.ts';
import type { StaffContext } from '../../context.ts';
import { portalAccounts, userHistory, userInvitations } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { enqueueNotification } from '../../notifications/enqueue.ts';
import { loadScope, loadVisibleUser } from '../visibility.ts';

export const INVITATION_DAYS = 7;

export async function inviteUser(
  ctx: StaffContext,
  organisationId: string,
  userId: string,
  input: { channel: 'email' | 'sms' },
) {
  const scope = await loadScope(ctx.db, organisationId);
  const token = randomToken();
  return ctx.db.transaction(async (tx) => {
    const user = await loadVisibleUser(tx, scope, userId, { lock: true });
    const contact = input.channel === 'email' ? user.email : user.mobilePhone;
    if (!contact) {
      throw new AppError('no_contact_for_channel', [
        { path: 'channel', code: input.channel === 'email' ? 'no_email' : 'no_mobile' },
      ]);
    }
    const [account] = await tx
      .select({ id: portalAccounts.id })
      .from(portalAccounts)
      .where(eq(portalAccounts.userId, userId));
    if (account) throw new AppError('conflict', [{ path: 'userId', code: 'has_portal_account' }]);
    const now = new Date();
    // A new invitation replaces the previous ones: their links stop working.
    await tx
      .update(userInvitations)
      .set({ expiresAt: now })
      .where(
        and(
          eq(userInvitations.userId, userId),
          isNull(userInvitations.usedAt),
          gt(userInvitations.expiresAt, now),
        ),
      );
    const [invitation] = await tx
      .insert(userInvitations)
      .values({
        userId,
        organisationId,
        tokenHash: hashToken(token),
        channel: input.channel,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
        createdByStaffId: ctx.actor.staffId,
      })
      .returning();
    await tx.insert(userHistory).values({
      userId,
      action: 'invited',
      actorStaffId: ctx.actor.staffId,
      details: { channel: input.channel },
    });
    await enqueueNotification(ctx.boss, tx, {
      key: `invitation:${invitation!.id}`,
      kind: 'user_invitation',
      channel: input.channel,
      organisationId,
      userId,
      values: { link: `${ctx.config.publicUrl}/portal/invitation/${token}` },
    });
    return {
      invitationId: invitation!.id,
      expiresAt: invitation!.expiresAt.toISOString(),
      channel: input.channel,
    };
  });
}
