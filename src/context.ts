// What actions receive: the database (or transaction), the job queue, and who acts in which language.
import type { PgBoss } from 'pg-boss';
import type { StaffActor } from './auth/actor.ts';
import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import type { Language } from './db/schema.ts';
import type { Transports } from './notifications/transports.ts';

/** Process-wide services, built once at start-up. */
export type Services = { config: Config; database: Database; db: Db; boss: PgBoss; transports?: Transports };

/** One action's context: services plus the acting staff member. */
export type StaffContext = { db: Db; boss: PgBoss; actor: StaffActor; language: Language; config: Config };
