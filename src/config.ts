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
  /**
   * Which peers may state the client's address in X-Forwarded-For (the per-address limits of the public
   * portal rely on it): `loopback` by default (a proxy on the same host), `false` for none, `true` for any
   * peer (only behind a proxy that overwrites the header), or comma-separated addresses/CIDRs.
   */
  trustProxy: boolean | string;
  /** Run the pg-boss worker inside the web process (single-process mode, A6). */
  inProcessWorker: boolean;
  logLevel: string;
  publicUrl: string;
  webDist: string;
  /** S10: how long a slot picked on the public portal stays held while the form is filled in. */
  holdMinutes: number;
  /** V1: the join link of a video meeting; `{code}` becomes the meeting ID (any video service's room URL). */
  videoUrlTemplate: string;
  /** N1: SMTP server (smtp://user:pass@host:port); unset = the built-in outbox only. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** N1: Twilio-compatible SMS API base (…/2010-04-01/Accounts/{sid}); unset = the built-in outbox only. */
  smsProviderUrl: string | undefined;
  smsAccountSid: string | undefined;
  smsAuthToken: string | undefined;
  smsFrom: string | undefined;
  /** N4: delivery retries with exponential back-off. */
  notifyRetryLimit: number;
  notifyRetryDelaySeconds: number;
  /** How long an active job may run before it counts as lost (a killed worker) and is retried. */
  jobExpireSeconds: number;
  bossSuperviseSeconds: number;
};

function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function readTrustProxy(value: string | undefined): boolean | string {
  const text = value?.trim();
  if (!text) return 'loopback';
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
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
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    inProcessWorker: readBool(env, 'IN_PROCESS_WORKER', true),
    logLevel: env.LOG_LEVEL || 'info',
    publicUrl: env.PUBLIC_URL || `http://${host}:${port}`,
    webDist: path.resolve(env.WEB_DIST || './web/dist'),
    holdMinutes: readInt(env, 'HOLD_MINUTES', 7),
    videoUrlTemplate: env.VIDEO_URL_TEMPLATE || 'https://meet.jit.si/creneau-{code}',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Créneau <no-reply@creneau.local>',
    smsProviderUrl: env.SMS_PROVIDER_URL || undefined,
    smsAccountSid: env.SMS_ACCOUNT_SID || undefined,
    smsAuthToken: env.SMS_AUTH_TOKEN || undefined,
    smsFrom: env.SMS_FROM || undefined,
    notifyRetryLimit: readInt(env, 'NOTIFY_RETRY_LIMIT', 6),
    notifyRetryDelaySeconds: readInt(env, 'NOTIFY_RETRY_DELAY', 10),
    jobExpireSeconds: readInt(env, 'JOB_EXPIRE_SECONDS', 120),
    bossSuperviseSeconds: readInt(env, 'BOSS_SUPERVISE_SECONDS', 30),
  };
}
