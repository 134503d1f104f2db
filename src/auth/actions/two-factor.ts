// A1: the optional TOTP second factor of a staff member. Setting it up is two steps — a pending secret shown
// as a QR code, then a code from the app proves the phone has it — and ends with ten single-use recovery
// codes shown once (only their hashes are kept). Turning it off asks for the password and a current code;
// an admin may turn it off for a member of their organisation who lost both phone and codes. Either way
// every other session of that member ends.
import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import { requireRole } from '../../accounts/actions/manage-organisation.ts';
import type { StaffContext } from '../../context.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { sessions, staff, staffMemberships, staffRecoveryCodes } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { verifyPassword } from '../password.ts';
import { hashToken } from '../sessions.ts';
import {
  looksLikeRecoveryCode,
  matchTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  totpUri,
} from '../totp.ts';

/** The name authenticator apps show above the code. */
const ISSUER = 'Créneau';

const wrongCode = () => new AppError('invalid_second_factor', [{ path: 'code', code: 'invalid' }]);
const hashRecoveryCode = (code: string) => hashToken(normaliseRecoveryCode(code));

type Member = typeof staff.$inferSelect;

async function lockMember(tx: Tx, staffId: string): Promise<Member> {
  const [member] = await tx.select().from(staff).where(eq(staff.id, staffId)).for('update');
  if (!member) throw new AppError('unauthenticated');
  return member;
}

/** Step 1: a new pending secret (replacing any earlier unfinished one) for the QR code. */
export async function startTwoFactorSetup(ctx: StaffContext): Promise<{ secret: string; uri: string }> {
  return ctx.db.transaction(async (tx) => {
    const member = await lockMember(tx, ctx.actor.staffId);
    if (member.totpSecret) throw new AppError('second_factor_enabled');
    const secret = newTotpSecret();
    await tx.update(staff).set({ totpPendingSecret: secret }).where(eq(staff.id, member.id));
    return { secret, uri: totpUri(secret, member.email, ISSUER) };
  });
}

/** Step 2: a code from the app turns the pending secret on; the recovery codes are returned this once. */
export async function confirmTwoFactorSetup(
  ctx: StaffContext,
  input: { code: string; keepSessionHash: string },
): Promise<{ recoveryCodes: string[] }> {
  return ctx.db.transaction(async (tx) => {
    const member = await lockMember(tx, ctx.actor.staffId);
    if (member.totpSecret) throw new AppError('second_factor_enabled');
    if (!member.totpPendingSecret) throw new AppError('second_factor_not_started');
    const step = matchTotpStep(member.totpPendingSecret, input.code, new Date(), null);
    if (step === undefined) throw wrongCode();
    const recoveryCodes = newRecoveryCodes();
    await tx
      .update(staff)
      .set({
        totpSecret: member.totpPendingSecret,
        totpPendingSecret: null,
        totpLastStep: step,
        totpEnabledAt: new Date(),
      })
      .where(eq(staff.id, member.id));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, member.id));
    await tx
      .insert(staffRecoveryCodes)
      .values(recoveryCodes.map((code) => ({ staffId: member.id, codeHash: hashRecoveryCode(code) })));
    await endOtherSessions(tx, member.id, input.keepSessionHash);
    return { recoveryCodes };
  });
}

/** Turning it off oneself: the password and a current code (or a recovery code). */
export async function disableTwoFactor(
  ctx: StaffContext,
  input: { password: string; code: string; keepSessionHash: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const member = await lockMember(tx, ctx.actor.staffId);
    if (!member.totpSecret) throw new AppError('second_factor_not_enabled');
    if (!(await verifyPassword(member.passwordHash, input.password))) {
      throw new AppError('wrong_password', [{ path: 'password', code: 'invalid' }]);
    }
    await spendSecondFactor(tx, member, input.code);
    await clearTwoFactor(tx, member.id);
    await endOtherSessions(tx, member.id, input.keepSessionHash);
  });
}

/** An admin turns it off for a member of their organisation (lost phone and codes): they sign in again. */
export async function resetStaffTwoFactor(
  ctx: StaffContext,
  input: { organisationId: string; staffId: string },
): Promise<void> {
  requireRole(ctx, input.organisationId, 'admin');
  await ctx.db.transaction(async (tx) => {
    const [member] = await tx
      .select({ id: staff.id })
      .from(staff)
      .innerJoin(staffMemberships, eq(staffMemberships.staffId, staff.id))
      .where(and(eq(staff.id, input.staffId), eq(staffMemberships.organisationId, input.organisationId)))
      .for('update', { of: staff });
    if (!member) throw new AppError('not_found');
    await clearTwoFactor(tx, member.id);
    await tx.delete(sessions).where(eq(sessions.staffId, member.id));
  });
}

/**
 * At sign-in (inside its transaction, the member row locked): the app code must belong to a step newer
 * than the last one accepted, or the recovery code must be unused; either is spent here.
 */
export async function spendSecondFactor(tx: Tx, member: Member, code: string): Promise<void> {
  if (looksLikeRecoveryCode(code)) {
    const spent = await tx
      .update(staffRecoveryCodes)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(staffRecoveryCodes.staffId, member.id),
          eq(staffRecoveryCodes.codeHash, hashRecoveryCode(code)),
          isNull(staffRecoveryCodes.usedAt),
        ),
      )
      .returning({ id: staffRecoveryCodes.id });
    if (spent.length === 0) throw wrongCode();
    return;
  }
  const step = matchTotpStep(member.totpSecret!, code, new Date(), member.totpLastStep);
  if (step === undefined) throw wrongCode();
  const accepted = await tx
    .update(staff)
    .set({ totpLastStep: step })
    .where(and(eq(staff.id, member.id), or(isNull(staff.totpLastStep), sql`${staff.totpLastStep} < ${step}`)))
    .returning({ id: staff.id });
  if (accepted.length === 0) throw wrongCode();
}

/** How many recovery codes are left, for the Security page. */
export async function countUnusedRecoveryCodes(db: DbOrTx, staffId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.staffId, staffId), isNull(staffRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

async function clearTwoFactor(tx: Tx, staffId: string) {
  await tx
    .update(staff)
    .set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null, totpEnabledAt: null })
    .where(eq(staff.id, staffId));
  await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, staffId));
}

async function endOtherSessions(tx: Tx, staffId: string, keepSessionHash: string) {
  await tx
    .delete(sessions)
    .where(and(eq(sessions.staffId, staffId), ne(sessions.tokenHash, keepSessionHash)));
}
