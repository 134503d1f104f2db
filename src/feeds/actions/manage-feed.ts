// SPEC A7: a staff member turns on, replaces or turns off the private iCalendar feed of their schedule. The
// link carries a random token; only its hash is stored, so the link is shown once, when it is made.
// Replacing it stops the old link at once (a link copied where it should not be).
import { eq } from 'drizzle-orm';
import { hashToken, randomToken } from '../../auth/sessions.ts';
import type { StaffContext } from '../../context.ts';
import { calendarFeeds } from '../../db/schema.ts';

export const feedPath = (token: string) => `/api/v1/public/calendar-feeds/${token}.ics`;

export async function createCalendarFeed(ctx: StaffContext): Promise<{ url: string; createdAt: string }> {
  const token = randomToken();
  const [row] = await ctx.db
    .insert(calendarFeeds)
    .values({ staffId: ctx.actor.staffId, tokenHash: hashToken(token) })
    .onConflictDoUpdate({
      target: calendarFeeds.staffId,
      set: { tokenHash: hashToken(token), createdAt: new Date() },
    })
    .returning();
  return { url: `${ctx.config.publicUrl}${feedPath(token)}`, createdAt: row!.createdAt.toISOString() };
}

export async function deleteCalendarFeed(ctx: StaffContext): Promise<void> {
  await ctx.db.delete(calendarFeeds).where(eq(calendarFeeds.staffId, ctx.actor.staffId));
}
