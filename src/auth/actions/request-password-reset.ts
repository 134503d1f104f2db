// A1: "Forgot your password?" for staff — asking for a reset link. The answer never tells whether the
// address belongs to a staff member, in its body or in its time: the request only checks the address's
// form and enqueues one job with it, the same insert for any address; the worker looks the staff member up
// and sends the link (jobs/send-password-reset.ts). The route limits requests per client address and email.
import type { PgBoss } from 'pg-boss';
import type { Db } from '../../db/client.ts';
import { fieldError } from '../../errors.ts';
import { enqueue } from '../../jobs/boss.ts';
import { normaliseEmail } from '../../users/contact.ts';

export async function requestStaffPasswordReset(
  { db, boss }: { db: Db; boss: PgBoss },
  input: { email: string },
): Promise<void> {
  const email = normaliseEmail(input.email, 'email');
  if (!email) throw fieldError('email', 'required');
  await enqueue(boss, db, 'auth.send-password-reset', { email });
}
