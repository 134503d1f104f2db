// A1: staff sign-in by email and password, then the second factor when the member turned it on (a code
// from the app or a recovery code, spent in the same transaction as the new session). Unknown emails cost
// the same hash verification as known ones; the second factor is asked only once the password is right.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { staff } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { getDecoyHash, verifyPassword } from '../password.ts';
import { createSession } from '../sessions.ts';
import { spendSecondFactor } from './two-factor.ts';

export async function signIn(
  db: Db,
  input: { email: string; password: string; code?: string },
  sessionDays: number,
) {
  const email = input.email.trim().toLowerCase();
  const [member] = await db
    .select()
    .from(staff)
    .where(eq(sql`lower(${staff.email})`, email))
    .limit(1);
  const isValid = await verifyPassword(member?.passwordHash ?? (await getDecoyHash()), input.password);
  if (!member || !isValid || member.disabledAt) throw new AppError('invalid_credentials');
  if (!member.totpSecret) {
    return { staffId: member.id, ...(await createSession(db, member.id, sessionDays)) };
  }
  const code = input.code?.trim();
  if (!code) throw new AppError('second_factor_required', [{ path: 'code', code: 'required' }]);
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(staff).where(eq(staff.id, member.id)).for('update');
    if (!locked?.totpSecret) throw new AppError('invalid_credentials');
    await spendSecondFactor(tx, locked, code);
    return { staffId: member.id, ...(await createSession(tx, member.id, sessionDays)) };
  });
}
