// Opens the database: embedded PGlite (data directory or memory) by default, PostgreSQL when a URL is given.
// Both expose the same Drizzle API over the same schema, so the rest of the code has one path.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { type PgDatabase, PgDialect, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: actions accept both. */
export type DbOrTx = Db | Tx;

export type Database =
  | { kind: 'pglite'; db: Db; pglite: PGlite; close(): Promise<void> }
  | { kind: 'postgres'; db: Db; pool: pg.Pool; connectionString: string; close(): Promise<void> };

export type OpenOptions = {
  /** postgres:// URL; wins over dataDir. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` for a throw-away database. */
  dataDir?: string;
  poolSize?: number;
};

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client losing its connection must not crash the process.
    pool.on('error', () => {});
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    pools.set(db, pool);
    return {
      kind: 'postgres',
      db,
      pool,
      connectionString: options.databaseUrl,
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { extensions: { btree_gist, pg_trgm, unaccent } });
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return { kind: 'pglite', db, pglite, close: () => pglite.close() };
}

/** The SQLSTATE of a database error; Drizzle 0.45 wraps driver errors and keeps the code on `cause`. */
export function sqlStateOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const pools = new WeakMap<DbOrTx, pg.Pool>();
const dialect = new PgDialect();
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 64;

/**
 * Runs a raw statement as a named prepared statement on PostgreSQL (parsed and planned once per connection:
 * the slot search's statement spent ~2 ms of ~10 in parse and bind), as plain `execute` in a transaction and
 * on PGlite. Statements differing only in their parameters share one name.
 */
export async function executeNamed<Row>(db: DbOrTx, query: SQL): Promise<Row[]> {
  const pool = pools.get(db);
  if (!pool) return ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
  const { sql: text, params } = dialect.sqlToQuery(query);
  let name = statementNames.get(text);
  // A bounded set: a statement whose text kept changing would otherwise fill every connection.
  if (!name && statementNames.size < MAX_NAMED_STATEMENTS) {
    name = `creneau_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return (await pool.query({ name, text, values: params as unknown[] })).rows as Row[];
}

const preparedByDb = new WeakMap<Db, Map<string, unknown>>();

/**
 * A query built once per database and reused: hot paths (every request's session, every booking's checks)
 * skip Drizzle's query building, and PostgreSQL parses the named statement once per connection.
 * Parameters are `sql.placeholder(...)` values passed to `execute`.
 */
export function prepareOnce<T>(db: Db, name: string, build: (db: Db) => T): T {
  let queries = preparedByDb.get(db);
  if (!queries) {
    queries = new Map();
    preparedByDb.set(db, queries);
  }
  let query = queries.get(name) as T | undefined;
  if (!query) {
    query = build(db);
    queries.set(name, query);
  }
  return query;
}
