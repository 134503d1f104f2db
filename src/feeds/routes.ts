// SPEC A7 routes: my calendar feed (status, make or replace the link, turn it off) and the feed itself,
// public behind its secret token, as text/calendar for calendar apps to subscribe to.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../context.ts';
import { calendarFeeds } from '../db/schema.ts';
import { ANY_STAFF, PUBLIC } from '../http/access.ts';
import { staffContext } from '../http/context.ts';
import { errorReplies, Nullable } from '../http/schema-helpers.ts';
import { createCalendarFeed, deleteCalendarFeed } from './actions/manage-feed.ts';
import { calendarFeedIcs } from './queries.ts';

const errors = errorReplies(400, 401, 403, 404, 429);
const tags = ['calendar feeds'];
const Ok = Type.Object({ ok: Type.Literal(true) });

export function registerFeedRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = services;

  app.get(
    '/auth/calendar-feed',
    {
      config: { access: ANY_STAFF },
      schema: {
        tags,
        summary: 'Whether my calendar feed is on, and since when (the link itself is shown only when made)',
        response: {
          200: Type.Object({
            isEnabled: Type.Boolean(),
            createdAt: Nullable(Type.String({ format: 'date-time' })),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const [row] = await db
        .select()
        .from(calendarFeeds)
        .where(eq(calendarFeeds.staffId, request.actor!.staffId));
      return { isEnabled: Boolean(row), createdAt: row?.createdAt.toISOString() ?? null };
    },
  );

  app.post(
    '/auth/calendar-feed',
    {
      config: { access: ANY_STAFF, rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: {
        tags,
        summary: 'Make (or replace) the private link of my calendar feed; an older link stops working',
        response: {
          200: Type.Object({ url: Type.String(), createdAt: Type.String({ format: 'date-time' }) }),
          ...errors,
        },
      },
    },
    async (request) => createCalendarFeed(staffContext(request, services)),
  );

  app.delete(
    '/auth/calendar-feed',
    {
      config: { access: ANY_STAFF },
      schema: { tags, summary: 'Turn my calendar feed off', response: { 200: Ok, ...errors } },
    },
    async (request) => {
      await deleteCalendarFeed(staffContext(request, services));
      return { ok: true as const };
    },
  );

  app.get(
    '/public/calendar-feeds/:file',
    {
      config: { access: PUBLIC, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'A staff member’s schedule as iCalendar (text/calendar), for calendar apps to subscribe to',
        description:
          'Appointments and video meetings from a month back to a year ahead; no patient names. 404 for an ' +
          'unknown, replaced or turned-off link.',
        params: Type.Object({ file: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}\\.ics$' }) }),
      },
    },
    async (request, reply) => {
      const ics = await calendarFeedIcs(db, request.params.file.slice(0, -'.ics'.length));
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(ics);
    },
  );
}
