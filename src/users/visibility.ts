// SPEC U2: which user records a staff member acting in an organisation may see. Every user query and
// action goes through `visibleUsers` / `loadVisibleUser`, so the rule lives in one place.
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { accounts, organisations, userOrganisations, users } from '../db/schema.ts';
import { AppError } from '../errors.ts';

export type VisibilityScope = {
  organisationId: string;
  accountId: string;
  acrossOrganisations: boolean;
  organisation: typeof organisations.$inferSelect;
};

export async function loadScope(db: DbOrTx, organisationId: string): Promise<VisibilityScope> {
  const [row] = await db
    .select({ organisation: organisations, across: accounts.usersVisibleAcrossOrganisations })
    .from(organisations)
    .innerJoin(accounts, eq(accounts.id, organisations.accountId))
    .where(eq(organisations.id, organisationId));
  if (!row) throw new AppError('not_visible');
  return {
    organisationId,
    accountId: row.organisation.accountId,
    acrossOrganisations: row.across,
    organisation: row.organisation,
  };
}

/** The condition on `users` for records visible in the scope (merged-away records excluded). */
export function visibleUsers(scope: VisibilityScope): SQL {
  return and(isNull(users.mergedIntoId), attachedToScope(scope))!;
}

/** The record is attached to the scope's organisation (or to its account, when shared across). */
function attachedToScope(scope: VisibilityScope): SQL {
  return scope.acrossOrganisations
    ? eq(users.accountId, scope.accountId)
    : sql`exists (select 1 from ${userOrganisations} uo where uo.user_id = "users"."id" and uo.organisation_id = ${scope.organisationId})`;
}

/**
 * Loads one visible record (optionally locking it). A record merged away answers `user_merged` (410) with
 * the id of the record it now lives in, when that one is visible.
 */
export async function loadVisibleUser(
  db: DbOrTx,
  scope: VisibilityScope,
  userId: string,
  options: { lock?: boolean } = {},
) {
  // The record and whether it is attached to the scope, in one read (locked when asked).
  const query = db
    .select({ user: users, isAttached: sql<boolean>`${attachedToScope(scope)}` })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.accountId, scope.accountId)));
  const [found] = options.lock ? await query.for('update', { of: users }) : await query;
  if (!found) throw new AppError('not_visible');
  const row = found.user;
  if (row.mergedIntoId) {
    const keptId = await resolveMergedId(db, row.mergedIntoId);
    const [kept] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, keptId), visibleUsers(scope)));
    if (!kept) throw new AppError('not_visible');
    throw new AppError('user_merged', [], {}, { keptId });
  }
  if (!found.isAttached) throw new AppError('not_visible');
  return row;
}

/** Follows a chain of merges to the record that holds the data now. */
export async function resolveMergedId(db: DbOrTx, userId: string): Promise<string> {
  let current = userId;
  for (let hops = 0; hops < 20; hops++) {
    const [row] = await db
      .select({ mergedIntoId: users.mergedIntoId })
      .from(users)
      .where(eq(users.id, current));
    if (!row?.mergedIntoId) return current;
    current = row.mergedIntoId;
  }
  return current;
}
