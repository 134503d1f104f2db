// Bulk loading helpers: secondary indexes are dropped while rows pour in and rebuilt once at the end,
// which is several times faster than maintaining a trigram GIN index row by row.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../src/db/client.ts';
import type { Progress } from './progress.ts';

type IndexDefinition = { name: string; definition: string };

async function rowsOf<T>(tx: Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Runs `load` with the tables' secondary indexes dropped (primary keys and indexes backing constraints
 * stay), then rebuilds them from their own definitions — whatever the migrations made them — and
 * analyses the tables. Meant for the seeding transaction: a failure rolls the drops back too.
 */
export async function loadWithoutSecondaryIndexes<T>(
  tx: Tx,
  tables: string[],
  progress: Progress,
  load: () => Promise<T>,
): Promise<T> {
  await tx.execute(sql`SET LOCAL maintenance_work_mem = '1GB'`);
  await tx.execute(sql`SET LOCAL synchronous_commit = off`);
  const indexes = await rowsOf<IndexDefinition>(
    tx,
    sql`SELECT format('%I', c.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = ANY (${`{${tables.join(',')}}`}::regclass[])
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
        ORDER BY c.relname`,
  );
  for (const index of indexes) await tx.execute(sql.raw(`DROP INDEX ${index.name}`));
  // The per-day busy time (migration 0012) is rebuilt once at the end rather than row by row.
  const appointmentsToo = tables.includes('appointments');
  if (appointmentsToo) await tx.execute(sql`ALTER TABLE appointments DISABLE TRIGGER appointments_busy_days`);
  const result = await load();
  if (appointmentsToo) {
    await progress.step('provider_busy_days', () => tx.execute(sql`SELECT creneau_rebuild_busy_days()`));
    await tx.execute(sql`ALTER TABLE appointments ENABLE TRIGGER appointments_busy_days`);
  }
  for (const index of indexes) {
    await progress.step(`index ${index.name}`, () => tx.execute(sql.raw(index.definition)));
  }
  for (const table of tables) {
    await progress.step(`analyze ${table}`, () => tx.execute(sql.raw(`ANALYZE ${table}`)));
  }
  return result;
}
