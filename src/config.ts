// Environment → one typed, validated configuration object. Nothing else reads process.env.
import path from 'node:path';

export type Config = {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database in dataDir is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Secure flag on cookies; browsers accept Secure cookies on http://localhost. */
  cookieSecure: boolean;
  sessionDays: number;
  /** Run the pg-boss worker inside the web process (single-process mode, A6). */
  inProcessWorker: boolean;
  logLevel: string;
  publicUrl: string;
  webDist: string;
  /** S10: how long a slot picked on the public portal stays held while the form is filled in. */
  holdMinutes: number;
};

function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function readBool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = readInt(env, 'PORT', 3000);
  const host = env.HOST || 'localhost';
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  return {
    port,
    host,
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    cookieSecure: readBool(env, 'COOKIE_SECURE', true),
    sessionDays: readInt(env, 'SESSION_DAYS', 14),
    inProcessWorker: readBool(env, 'IN_PROCESS_WORKER', true),
    logLevel: env.LOG_LEVEL || 'info',
    publicUrl: env.PUBLIC_URL || `http://${host}:${port}`,
    webDist: path.resolve(env.WEB_DIST || './web/dist'),
    holdMinutes: readInt(env, 'HOLD_MINUTES', 7),
  };
}
