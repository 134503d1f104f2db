// The benchmark database: a dedicated `creneau_bench` on the PostgreSQL server of BENCH_DATABASE_URL,
// migrated like production, with a small `bench_seeds` table recording which seeds it already holds.
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type Database, type Db, openDatabase, type Tx } from '../../src/db/client.ts';
import * as schema from '../../src/db/schema.ts';
import type { JsonValue } from './benchmark.ts';

export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const BENCH_DATABASE_NAME = 'creneau_bench';

export type PostgresDatabase = Extract<Database, { kind: 'postgres' }>;
export type SeedRecord = { fingerprint: string; state: JsonValue; seededAt: string; seconds: number };

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates `creneau_bench` when missing (dropping it first with `fresh`) and opens it. */
export async function openBenchDatabase(
  serverUrl: string,
  options: { isFresh: boolean },
): Promise<PostgresDatabase> {
  await onServer(serverUrl, async (client) => {
    if (options.isFresh) await client.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE_NAME} WITH (FORCE)`);
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      BENCH_DATABASE_NAME,
    ]);
    if (!existing.rowCount) await client.query(`CREATE DATABASE ${BENCH_DATABASE_NAME}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DATABASE_NAME}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  if (database.kind !== 'postgres') throw new Error('the benchmarks need PostgreSQL');
  await database.db.execute(sql`
    CREATE TABLE IF NOT EXISTS bench_seeds (
      name text PRIMARY KEY,
      fingerprint text NOT NULL,
      state jsonb NOT NULL,
      seeded_at timestamptz NOT NULL DEFAULT now(),
      seconds numeric NOT NULL
    )`);
  return database;
}

/** The URL without its password, for reports. */
export function describeUrl(connectionString: string): string {
  const url = new URL(connectionString);
  url.password = '';
  return url.toString();
}

export async function readSeed(db: Db, name: string): Promise<SeedRecord | undefined> {
  const result = await db.execute(
    sql`SELECT fingerprint, state, to_char(seeded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') AS "seededAt", seconds::float8 AS seconds
        FROM bench_seeds WHERE name = ${name}`,
  );
  return (result as unknown as { rows: SeedRecord[] }).rows[0];
}

export async function writeSeed(tx: Tx, name: string, record: Omit<SeedRecord, 'seededAt'>): Promise<void> {
  await tx.execute(sql`
    INSERT INTO bench_seeds (name, fingerprint, state, seconds)
    VALUES (${name}, ${record.fingerprint}, ${JSON.stringify(record.state)}::jsonb, ${record.seconds})
    ON CONFLICT (name) DO UPDATE
      SET fingerprint = excluded.fingerprint, state = excluded.state,
          seeded_at = now(), seconds = excluded.seconds`);
}

export async function serverVersion(db: Db): Promise<string> {
  const result = await db.execute(sql`SELECT current_setting('server_version') AS version`);
  return (result as unknown as { rows: { version: string }[] }).rows[0]?.version ?? 'unknown';
}

/**
 * Runs `call` against a Drizzle instance that records the SQL it sends, then prints
 * EXPLAIN (ANALYZE, BUFFERS) of each statement with the same parameters.
 */
export async function explainCall(
  database: PostgresDatabase,
  label: string,
  call: (db: Db) => Promise<unknown>,
  log: (line: string) => void,
): Promise<void> {
  const statements: { text: string; params: unknown[] }[] = [];
  const recording = drizzle(database.pool, {
    schema,
    logger: { logQuery: (text, params) => statements.push({ text, params }) },
  }) as unknown as Db;
  await call(recording);
  for (const statement of statements) {
    const plan = await database.pool.query(
      `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
      statement.params as unknown[],
    );
    log(`\n── EXPLAIN ${label}\n${statement.text}\n-- params: ${JSON.stringify(statement.params)}`);
    log(plan.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n'));
  }
}
