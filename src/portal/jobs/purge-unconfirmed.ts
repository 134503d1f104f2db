// SPEC P4 (data kept no longer than needed): a self sign-up whose address was never confirmed is removed a
// week after its last link — the portal account, its links, and the user record the sign-up created, unless
// the record has a life of its own (a staff member touched it, it has an appointment, a record was merged
// into it). A sign-up tied to an existing record leaves that record as it was. Run every hour by the worker,
// a bounded batch at a time; accounts being confirmed right now are skipped (SKIP LOCKED).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export const UNCONFIRMED_SIGN_UP_DAYS = 7;
const BATCH = 500;

export async function purgeUnconfirmedSignUps(db: Db): Promise<{ accounts: number; records: number }> {
  return db.transaction(async (tx) => {
    const stale = (
      (await tx.execute(sql`
        SELECT a.id, a.user_id FROM portal_accounts a
        WHERE a.source = 'sign_up' AND a.email_verified_at IS NULL
          AND a.created_at < now() - make_interval(days => ${UNCONFIRMED_SIGN_UP_DAYS})
          AND NOT EXISTS (SELECT 1 FROM portal_email_verifications v WHERE v.portal_account_id = a.id
            AND v.created_at > now() - make_interval(days => ${UNCONFIRMED_SIGN_UP_DAYS}))
        ORDER BY a.created_at
        LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED`)) as unknown as { rows: { id: string; user_id: string }[] }
    ).rows;
    if (!stale.length) return { accounts: 0, records: 0 };
    const accountIds = `{${stale.map((s) => s.id).join(',')}}`;
    const userIds = `{${stale.map((s) => s.user_id).join(',')}}`;
    await tx.execute(sql`DELETE FROM portal_accounts WHERE id = ANY (${accountIds}::uuid[])`);
    const records = (
      (await tx.execute(sql`
        DELETE FROM users u
        WHERE u.id = ANY (${userIds}::uuid[]) AND u.merged_into_id IS NULL
          AND EXISTS (SELECT 1 FROM user_history h WHERE h.user_id = u.id AND h.action = 'created'
            AND h.details ->> 'source' = 'sign_up')
          AND NOT EXISTS (SELECT 1 FROM user_history h WHERE h.user_id = u.id AND h.actor_staff_id IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM appointment_participants p WHERE p.user_id = u.id)
          AND NOT EXISTS (SELECT 1 FROM users m WHERE m.merged_into_id = u.id)
        RETURNING u.id`)) as unknown as { rows: { id: string }[] }
    ).rows;
    return { accounts: stale.length, records: records.length };
  });
}
