// Sessions of portal accounts (P4): a random token in the `creneau_portal` cookie, its hash in the database.
import { and, eq, gt } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { hashToken, randomToken } from '../auth/sessions.ts';
import type { DbOrTx } from '../db/client.ts';
import { type Language, portalAccounts, portalSessions, users } from '../db/schema.ts';
import { resolveMergedId } from '../users/visibility.ts';

export const PORTAL_COOKIE = 'creneau_portal';
export type PortalUser = { portalAccountId: string; userId: string; email: string; language: Language };

export async function createPortalSession(db: DbOrTx, portalAccountId: string, days: number) {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await db
    .insert(portalSessions)
    .values({ tokenHash: hashToken(token), portalAccountId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function loadPortalSession(db: DbOrTx, token: string) {
  const [row] = await db
    .select({ session: portalSessions, account: portalAccounts })
    .from(portalSessions)
    .innerJoin(portalAccounts, eq(portalAccounts.id, portalSessions.portalAccountId))
    .where(and(eq(portalSessions.tokenHash, hashToken(token)), gt(portalSessions.expiresAt, new Date())));
  if (!row) return undefined;
  // A merged record lives on in the kept one (U7).
  const userId = await resolveMergedId(db, row.account.userId);
  const [user] = await db.select({ language: users.language }).from(users).where(eq(users.id, userId));
  return {
    tokenHash: row.session.tokenHash,
    csrfToken: row.session.csrfToken,
    user: {
      portalAccountId: row.account.id,
      userId,
      email: row.account.email,
      language: user?.language ?? 'fr',
    } satisfies PortalUser,
  };
}

export async function deletePortalSession(db: DbOrTx, token: string) {
  await db.delete(portalSessions).where(eq(portalSessions.tokenHash, hashToken(token)));
}

/** The session cookie: HTTP-only, same-site lax, as long as the session. */
export function setPortalCookie(
  reply: FastifyReply,
  session: { token: string; expiresAt: Date },
  isSecure: boolean,
) {
  reply.setCookie(PORTAL_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    secure: isSecure,
    sameSite: 'lax',
    expires: session.expiresAt,
  });
}
