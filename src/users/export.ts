// A5 `creneau export --what users`: an organisation's user records as CSV (UTF-8 with BOM, headers in the
// chosen language), read in keyset batches so a million records never sit in memory. Merged-away records
// (U7) are left out: they live on in the record they were merged into.
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { userOrganisations, users } from '../db/schema.ts';
import { translate } from '../i18n/index.ts';
import { csvCell } from '../reports/queries.ts';

const COLUMNS = [
  'id',
  'lastName',
  'firstName',
  'birthDate',
  'email',
  'mobilePhone',
  'otherPhone',
  'address',
  'language',
  'notifyByEmail',
  'notifyBySms',
  'notes',
  'createdAt',
] as const;

type Row = Pick<typeof users.$inferSelect, (typeof COLUMNS)[number]>;

function cellsOf(row: Row, language: 'fr' | 'en'): unknown[] {
  const yesNo = (value: boolean) => translate(language, value ? 'csv.yes' : 'csv.no');
  return COLUMNS.map((column) => {
    const value = row[column];
    if (typeof value === 'boolean') return yesNo(value);
    if (value instanceof Date) return value.toISOString();
    return value;
  });
}

/** How many records the export holds (for progress). */
export async function countExportedUsers(db: DbOrTx, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(userOrganisations, eq(userOrganisations.userId, users.id))
    .where(and(eq(userOrganisations.organisationId, organisationId), isNull(users.mergedIntoId)));
  return row?.n ?? 0;
}

/** Yields the CSV chunk by chunk: the BOM and header, then one chunk per batch of records. */
export async function* exportUsersCsv(
  db: DbOrTx,
  organisationId: string,
  language: 'fr' | 'en',
  options: { batchSize?: number; onRows?: (count: number) => void } = {},
) {
  const batchSize = options.batchSize ?? 2000;
  yield `\uFEFF${COLUMNS.map((column) => csvCell(translate(language, `csv.users.${column}`))).join(',')}\r\n`;
  let afterId: string | undefined;
  for (;;) {
    const rows = await db
      .select({
        id: users.id,
        lastName: users.lastName,
        firstName: users.firstName,
        birthDate: users.birthDate,
        email: users.email,
        mobilePhone: users.mobilePhone,
        otherPhone: users.otherPhone,
        address: users.address,
        language: users.language,
        notifyByEmail: users.notifyByEmail,
        notifyBySms: users.notifyBySms,
        notes: users.notes,
        createdAt: users.createdAt,
      })
      .from(users)
      .innerJoin(userOrganisations, eq(userOrganisations.userId, users.id))
      .where(
        and(
          eq(userOrganisations.organisationId, organisationId),
          isNull(users.mergedIntoId),
          afterId ? gt(users.id, afterId) : undefined,
        ),
      )
      .orderBy(asc(users.id))
      .limit(batchSize);
    if (!rows.length) return;
    yield rows.map((row) => `${cellsOf(row, language).map(csvCell).join(',')}\r\n`).join('');
    options.onRows?.(rows.length);
    afterId = rows.at(-1)!.id;
    if (rows.length < batchSize) return;
  }
}
