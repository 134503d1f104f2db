// Server-side sessions: a random token in the cookie, its SHA-256 in the database, a CSRF token per session.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { type Db, type DbOrTx, prepareOnce } from '../db/client.ts';
import type { StaffRole } from '../db/schema.ts';
import { organisations, sessions, staff, staffMemberships } from '../db/schema.ts';
import type { StaffActor } from './actor.ts';

export const SESSION_COOKIE = 'creneau_session';
const SLIDE_AFTER_MS = 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Sets the staff session cookie, or clears it without `expires` (sign-in, reset link, sign-out). */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expires: Date | undefined,
  secure: boolean,
) {
  return reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'lax',
    ...(expires ? { expires } : { maxAge: 0 }),
  });
}

export async function createSession(db: DbOrTx, staffId: string, days: number) {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), staffId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export type LoadedSession = { tokenHash: string; csrfToken: string; actor: StaffActor };

/** Loads a live session and its staff member; slides the expiry forward at most once an hour. */
export async function loadSession(db: Db, token: string, days: number): Promise<LoadedSession | undefined> {
  const tokenHash = hashToken(token);
  const now = new Date();
  // One round trip per request: the session, its staff member and their roles in their account.
  const [row] = await prepareOnce(db, 'load_staff_session', (database) =>
    database
      .select({
        session: sessions,
        staff,
        memberships: sql<
          { organisationId: string; role: StaffRole }[]
        >`coalesce((select json_agg(json_build_object('organisationId', m.organisation_id, 'role', m.role))
          from ${staffMemberships} m join ${organisations} o on o.id = m.organisation_id
          where m.staff_id = ${staff.id} and o.account_id = ${staff.accountId}), '[]'::json)`,
      })
      .from(sessions)
      .innerJoin(staff, eq(staff.id, sessions.staffId))
      .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), sql`${sessions.expiresAt} > now()`))
      .limit(1)
      .prepare('load_staff_session'),
  ).execute({ tokenHash });
  if (!row || row.staff.disabledAt) return undefined;
  const { memberships } = row;
  if (now.getTime() - row.session.lastSeenAt.getTime() > SLIDE_AFTER_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + days * 86_400_000) })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  return {
    tokenHash,
    csrfToken: row.session.csrfToken,
    actor: {
      kind: 'staff',
      staffId: row.staff.id,
      accountId: row.staff.accountId,
      email: row.staff.email,
      firstName: row.staff.firstName,
      lastName: row.staff.lastName,
      language: row.staff.language,
      roles: new Map(memberships.map((m) => [m.organisationId, m.role])),
    },
  };
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}
