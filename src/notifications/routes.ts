// N1: the built-in outbox, readable by staff.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { OrgParams } from '../accounts/schemas.ts';
import type { Services } from '../context.ts';
import { outboxMessages } from '../db/schema.ts';
import { orgAccess } from '../http/access.ts';

const OutboxMessage = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  channel: Type.String(),
  recipient: Type.String(),
  subject: Type.Union([Type.String(), Type.Null()]),
  bodyText: Type.String(),
  bodyHtml: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  userId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

export function registerNotificationRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/orgs/:orgId/outbox',
    {
      config: { access: orgAccess('admin', 'agent') },
      schema: {
        tags: ['notifications'],
        summary: 'Messages of the built-in outbox, newest first (N1)',
        params: OrgParams,
        querystring: Type.Object({
          before: Type.Optional(Type.String({ format: 'date-time' })),
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
        }),
        response: { 200: Type.Array(OutboxMessage) },
      },
    },
    async (request) => {
      const rows = await services.db
        .select()
        .from(outboxMessages)
        .where(
          and(
            eq(outboxMessages.organisationId, request.params.orgId),
            request.query.before ? lt(outboxMessages.createdAt, new Date(request.query.before)) : undefined,
          ),
        )
        .orderBy(desc(outboxMessages.createdAt))
        .limit(request.query.limit);
      return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
    },
  );
}
