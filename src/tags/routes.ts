// Routes of tags (U9) and per-service tag rules (U10). Staff only: tags are never exposed publicly.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AccountParams, Uuid } from '../accounts/schemas.ts';
import type { Services } from '../context.ts';
import { accountAccess, orgAccess } from '../http/access.ts';
import { staffContext } from '../http/context.ts';
import { errorReplies, Nullable } from '../http/schema-helpers.ts';
import { loadScope, loadVisibleUser } from '../users/visibility.ts';
import { deleteTag, saveTag, setServiceTagRules, setUserTags } from './actions.ts';
import { listTags, serviceRules, tagsOfUsers } from './queries.ts';

const errors = errorReplies(400, 401, 403, 404, 409, 410);
const TagBody = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 80 }),
    type: Type.Union([Type.Literal('normal'), Type.Literal('banned')]),
    icon: Type.Optional(Type.String({ maxLength: 40 })),
    color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
    bannedMessageFr: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    bannedMessageEn: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
const TagReply = Type.Object({
  id: Uuid,
  label: Type.String(),
  type: Type.String(),
  icon: Type.String(),
  color: Type.String(),
  bannedMessageFr: Nullable(Type.String()),
  bannedMessageEn: Nullable(Type.String()),
});
const TagSummary = Type.Object({
  id: Uuid,
  label: Type.String(),
  type: Type.String(),
  icon: Type.String(),
  color: Type.String(),
});
const TagIds = Type.Object({ tagIds: Type.Array(Uuid, { maxItems: 50 }) }, { additionalProperties: false });
const Ok = Type.Object({ ok: Type.Literal(true) });

export function registerTagRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['tags'];
  const TagParams = Type.Object({ accountId: Uuid, tagId: Uuid });

  app.get(
    '/accounts/:accountId/tags',
    {
      config: { access: accountAccess() },
      schema: {
        tags,
        summary: 'Tags of the account (U9)',
        params: AccountParams,
        response: { 200: Type.Array(TagReply), ...errors },
      },
    },
    async (request) => listTags(services.db, request.params.accountId),
  );
  app.post(
    '/accounts/:accountId/tags',
    {
      config: { access: accountAccess('admin') },
      schema: {
        tags,
        summary: 'Create a tag (U9)',
        params: AccountParams,
        body: TagBody,
        response: { 201: TagReply, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await saveTag(staffContext(request, services), request.params.accountId, request.body)),
  );
  app.put(
    '/accounts/:accountId/tags/:tagId',
    {
      config: { access: accountAccess('admin') },
      schema: {
        tags,
        summary: 'Change a tag (U9)',
        params: TagParams,
        body: TagBody,
        response: { 200: TagReply, ...errors },
      },
    },
    async (request) =>
      saveTag(staffContext(request, services), request.params.accountId, request.body, request.params.tagId),
  );
  app.delete(
    '/accounts/:accountId/tags/:tagId',
    {
      config: { access: accountAccess('admin') },
      schema: { tags, summary: 'Delete a tag (U9)', params: TagParams, response: { 200: Ok, ...errors } },
    },
    async (request) => {
      await deleteTag(staffContext(request, services), request.params.accountId, request.params.tagId);
      return { ok: true as const };
    },
  );

  const UserParams = Type.Object({ orgId: Uuid, userId: Uuid });
  app.get(
    '/orgs/:orgId/users/:userId/tags',
    {
      config: { access: orgAccess() },
      schema: {
        tags,
        summary: 'Tags of a user record (U9)',
        params: UserParams,
        response: { 200: Type.Array(TagSummary), ...errors },
      },
    },
    async (request) => {
      await loadVisibleUser(
        services.db,
        await loadScope(services.db, request.params.orgId),
        request.params.userId,
      );
      const rows = await tagsOfUsers(services.db, [request.params.userId]);
      return rows.map(({ userId: _userId, ...tag }) => tag);
    },
  );
  app.put(
    '/orgs/:orgId/users/:userId/tags',
    {
      config: { access: orgAccess('admin', 'agent') },
      schema: {
        tags,
        summary: 'Set the tags of a user record (U9)',
        params: UserParams,
        body: TagIds,
        response: { 200: Type.Array(TagSummary), ...errors },
      },
    },
    async (request) =>
      setUserTags(
        staffContext(request, services),
        request.params.orgId,
        request.params.userId,
        request.body.tagIds,
      ),
  );

  const ServiceParams = Type.Object({ orgId: Uuid, serviceId: Uuid });
  app.get(
    '/orgs/:orgId/services/:serviceId/tag-rules',
    {
      config: { access: orgAccess() },
      schema: {
        tags,
        summary: 'Tags that make this service unavailable online (U10)',
        params: ServiceParams,
        response: { 200: TagIds, ...errors },
      },
    },
    async (request) => ({
      tagIds: await serviceRules(services.db, request.params.orgId, request.params.serviceId),
    }),
  );
  app.put(
    '/orgs/:orgId/services/:serviceId/tag-rules',
    {
      config: { access: orgAccess('admin') },
      schema: {
        tags,
        summary: 'Set the tag rules of a service (U10)',
        params: ServiceParams,
        body: TagIds,
        response: { 200: TagIds, ...errors },
      },
    },
    async (request) => ({
      tagIds: await setServiceTagRules(
        staffContext(request, services),
        request.params.orgId,
        request.params.serviceId,
        request.body.tagIds,
      ),
    }),
  );
}
