// U2 + A4: a staff member opens a full user record; the read is written to the audit trail.
import type { StaffContext } from '../../context.ts';
import { userAudit } from '../../db/schema.ts';
import { describeUser, findDuplicateSuggestions } from '../queries.ts';
import { loadScope, loadVisibleUser } from '../visibility.ts';

export async function viewUser(ctx: StaffContext, organisationId: string, userId: string) {
  const scope = await loadScope(ctx.db, organisationId);
  const row = await loadVisibleUser(ctx.db, scope, userId);
  await ctx.db
    .insert(userAudit)
    .values({ userId, staffId: ctx.actor.staffId, organisationId, action: 'view' });
  const [record, duplicates] = await Promise.all([
    describeUser(ctx.db, row),
    findDuplicateSuggestions(ctx.db, scope, { ...row, excludeId: row.id }),
  ]);
  return { ...record, duplicates };
}
