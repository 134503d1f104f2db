// Read models of user records: type-ahead search, duplicate suggestions (U8), history (U3), audit (A4).
import { and, asc, desc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import {
  outboxMessages,
  portalAccounts,
  staff,
  userAudit,
  userHistory,
  userOrganisations,
  users,
} from '../db/schema.ts';
import { defaultCountryFor, toE164 } from './contact.ts';
import { toUserRecord, toUserSummary, type UserRow } from './record.ts';
import type { VisibilityScope } from './visibility.ts';
import { visibleUsers } from './visibility.ts';

/** What kind of text was typed in the search box. */
export function classifyQuery(q: string): { kind: 'email' | 'date' | 'phone' | 'name'; value: string } {
  const text = q.trim();
  if (text.includes('@')) return { kind: 'email', value: text.toLowerCase() };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return { kind: 'date', value: text };
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dayFirst) {
    const [, day, month, year] = dayFirst;
    return { kind: 'date', value: `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}` };
  }
  if (/^[+(\d][\d\s().-]{5,}$/.test(text) && text.replace(/\D/g, '').length >= 7)
    return { kind: 'phone', value: text };
  return { kind: 'name', value: text };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type SearchInput = { q?: string; limit: number; cursor?: string };

export async function searchUsers(db: DbOrTx, scope: VisibilityScope, input: SearchInput) {
  const conditions: (SQL | undefined)[] = [visibleUsers(scope)];
  const q = input.q?.trim();
  if (q) {
    const query = classifyQuery(q);
    if (query.kind === 'email') conditions.push(sql`${users.email} like ${`${escapeLike(query.value)}%`}`);
    if (query.kind === 'date') conditions.push(eq(users.birthDate, query.value));
    if (query.kind === 'phone') {
      const e164 = toE164(query.value, defaultCountryFor(scope.organisation)) ?? '+invalid';
      conditions.push(or(eq(users.mobilePhone, e164), eq(users.otherPhone, e164)));
    }
    if (query.kind === 'name') {
      for (const term of query.value.split(/\s+/).slice(0, 4)) {
        conditions.push(
          sql`${users.searchName} like '%' || immutable_unaccent(lower(${escapeLike(term)})) || '%'`,
        );
      }
    }
  }
  if (input.cursor) {
    const [sortName, id] = JSON.parse(Buffer.from(input.cursor, 'base64url').toString('utf8')) as [
      string,
      string,
    ];
    conditions.push(sql`(${users.sortName}, ${users.id}) > (${sortName}, ${id})`);
  }
  // Pick the page's ids first (an index-only walk or the trigram match set), then read those rows.
  const pageIds = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.accountId, scope.accountId), ...conditions))
    .orderBy(asc(users.sortName), asc(users.id))
    .limit(input.limit + 1)
    .as('page');
  const rows = await db
    .select({ user: users })
    .from(users)
    .innerJoin(pageIds, eq(users.id, pageIds.id))
    .orderBy(asc(users.sortName), asc(users.id));
  const page = rows.slice(0, input.limit).map((row) => row.user);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? Buffer.from(JSON.stringify([last.sortName, last.id])).toString('base64url')
      : null;
  return {
    items: page.map((user) => ({
      ...toUserSummary(user),
      warnings: !user.email && !user.mobilePhone ? ['no_contact'] : [],
    })),
    nextCursor,
  };
}

export type DuplicateProbe = {
  firstName: string;
  lastName: string;
  birthDate?: string | null;
  email?: string | null;
  mobilePhone?: string | null;
  otherPhone?: string | null;
  excludeId?: string;
};

/**
 * U8: possible duplicates — same email, or an accent-insensitive, typo-tolerant name match (pg_trgm
 * similarity on unaccented names) combined with the same birth date or phone. Candidates come from the
 * selective btree indexes (birth date, phones, email), so the cost does not grow with the table.
 */
export async function findDuplicateSuggestions(db: DbOrTx, scope: VisibilityScope, probe: DuplicateProbe) {
  const phones = [probe.mobilePhone, probe.otherPhone].filter((p): p is string => Boolean(p));
  const anchors: SQL[] = [];
  if (probe.birthDate) anchors.push(eq(users.birthDate, probe.birthDate));
  if (phones.length) anchors.push(or(inArray(users.mobilePhone, phones), inArray(users.otherPhone, phones))!);
  if (probe.email) anchors.push(eq(users.email, probe.email));
  if (!anchors.length) return [];
  const name = `${probe.firstName} ${probe.lastName}`;
  const similarity = sql<number>`similarity(${users.searchName}, immutable_unaccent(lower(${name})))`;
  const sameBirthDate = probe.birthDate
    ? sql<boolean>`${users.birthDate} = ${probe.birthDate}`
    : sql<boolean>`false`;
  const samePhone = phones.length
    ? sql<boolean>`(${users.mobilePhone} in ${phones} or ${users.otherPhone} in ${phones})`
    : sql<boolean>`false`;
  const sameEmail = probe.email ? sql<boolean>`${users.email} = ${probe.email}` : sql<boolean>`false`;
  const rows = await db
    .select({
      user: users,
      nameSimilarity: similarity,
      sameBirthDate,
      samePhone,
      sameEmail,
    })
    .from(users)
    .where(
      and(
        eq(users.accountId, scope.accountId),
        visibleUsers(scope),
        probe.excludeId ? ne(users.id, probe.excludeId) : undefined,
        or(...anchors),
        or(sameEmail, sql`${similarity} >= 0.35`),
      ),
    )
    .orderBy(desc(sql`${similarity} + (case when ${sameEmail} then 1 else 0 end)`))
    .limit(10);
  return rows.map((row) => ({
    ...toUserSummary(row.user),
    score:
      Math.round(
        (Number(row.nameSimilarity) + (row.sameBirthDate ? 0.5 : 0) + (row.samePhone ? 0.5 : 0)) * 100,
      ) / 100,
    reasons: [
      ...(Number(row.nameSimilarity) >= 0.35 ? ['similar_name'] : []),
      ...(row.sameBirthDate ? ['same_birth_date'] : []),
      ...(row.samePhone ? ['same_phone'] : []),
      ...(row.sameEmail ? ['same_email'] : []),
    ],
  }));
}

/** Repeated delivery failures: the last three messages to the user all failed. */
const FAILING_AFTER = 3;

export async function describeUser(db: DbOrTx, row: UserRow) {
  const [organisationRows, account, recent] = await Promise.all([
    db
      .select({ id: userOrganisations.organisationId })
      .from(userOrganisations)
      .where(eq(userOrganisations.userId, row.id)),
    db.select({ id: portalAccounts.id }).from(portalAccounts).where(eq(portalAccounts.userId, row.id)),
    db
      .select({ status: outboxMessages.status })
      .from(outboxMessages)
      .where(eq(outboxMessages.userId, row.id))
      .orderBy(desc(outboxMessages.createdAt))
      .limit(FAILING_AFTER),
  ]);
  const record = toUserRecord(row, {
    organisationIds: organisationRows.map((r) => r.id),
    hasPortalAccount: account.length > 0,
  });
  const isFailing = recent.length === FAILING_AFTER && recent.every((m) => m.status === 'failed');
  return isFailing ? { ...record, warnings: [...record.warnings, 'notifications_failing'] } : record;
}

export async function listUserHistory(db: DbOrTx, userId: string) {
  const rows = await db
    .select({ entry: userHistory, firstName: staff.firstName, lastName: staff.lastName })
    .from(userHistory)
    .leftJoin(staff, eq(staff.id, userHistory.actorStaffId))
    .where(eq(userHistory.userId, userId))
    .orderBy(desc(userHistory.seq));
  return rows.map(({ entry, firstName, lastName }) => ({
    id: entry.id,
    action: entry.action,
    at: entry.at.toISOString(),
    actor: entry.actorIsUser ? 'user' : firstName ? `${firstName} ${lastName}` : null,
    changes: entry.changes,
    details: entry.details,
  }));
}

/** A4: the audit trail of one record, or of the organisation, newest first, keyset-paginated by time. */
export async function listAudit(
  db: DbOrTx,
  organisationId: string,
  filter: { userId?: string; before?: string; limit: number },
) {
  const rows = await db
    .select({
      id: userAudit.id,
      at: userAudit.at,
      action: userAudit.action,
      userId: userAudit.userId,
      userFirstName: users.firstName,
      userLastName: users.lastName,
      staffId: userAudit.staffId,
      staffFirstName: staff.firstName,
      staffLastName: staff.lastName,
    })
    .from(userAudit)
    .innerJoin(users, eq(users.id, userAudit.userId))
    .innerJoin(staff, eq(staff.id, userAudit.staffId))
    .where(
      and(
        eq(userAudit.organisationId, organisationId),
        filter.userId ? eq(userAudit.userId, filter.userId) : undefined,
        filter.before ? sql`${userAudit.at} < ${filter.before}` : undefined,
      ),
    )
    .orderBy(desc(userAudit.at))
    .limit(filter.limit);
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    userId: row.userId,
    userName: `${row.userFirstName} ${row.userLastName}`,
    staffId: row.staffId,
    staffName: `${row.staffFirstName} ${row.staffLastName}`,
  }));
}
