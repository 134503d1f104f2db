// A1: staff sign-in by email and password. Unknown emails cost the same hash verification as known ones.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { staff } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { getDecoyHash, verifyPassword } from '../password.ts';
import { createSession } from '../sessions.ts';

export async function signIn(db: Db, input: { email: string; password: string }, sessionDays: number) {
  const email = input.email.trim().toLowerCase();
  const [member] = await db
    .select()
    .from(staff)
    .where(eq(sql`lower(${staff.email})`, email))
    .limit(1);
  const isValid = await verifyPassword(member?.passwordHash ?? (await getDecoyHash()), input.password);
  if (!member || !isValid || member.disabledAt) throw new AppError('invalid_credentials');
  const session = await createSession(db, member.id, sessionDays);
  return { staffId: member.id, ...session };
}
