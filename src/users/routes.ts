// Routes of user records (U1–U8, A4) and the public invitation acceptance (U5).

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { OrgParams } from '../accounts/schemas.ts';
import type { Services } from '../context.ts';
import { orgAccess, PUBLIC } from '../http/access.ts';
import { staffContext } from '../http/context.ts';
import { errorReplies } from '../http/schema-helpers.ts';
import { listUserAppointments } from '../scheduling/queries.ts';
import { acceptInvitation, previewInvitation } from './actions/accept-invitation.ts';
import { inviteUser } from './actions/invite-user.ts';
import { mergeUsers } from './actions/merge-users.ts';
import { createUser, updateUser } from './actions/save-user.ts';
import { viewUser } from './actions/view-user.ts';
import { defaultCountryFor, normaliseEmail, toE164 } from './contact.ts';
import {
  describeUser,
  findDuplicateSuggestions,
  listAudit,
  listUserHistory,
  searchUsers,
} from './queries.ts';
import { EDITABLE_FIELDS } from './record.ts';
import {
  AcceptInvitationBody,
  AuditQuery,
  AuditReply,
  CreateUserBody,
  DuplicatesQuery,
  DuplicatesReply,
  HistoryReply,
  InvitationPreviewReply,
  InviteBody,
  InviteReply,
  MergeBody,
  MergePreviewQuery,
  MergePreviewReply,
  SaveUserReply,
  SearchQuery,
  SearchReply,
  UpdateUserBody,
  UserDetailReply,
  UserParams,
  UserRecord,
} from './schemas.ts';
import { loadScope, loadVisibleUser } from './visibility.ts';

const errors = errorReplies(400, 401, 403, 404, 409, 410);

export function registerUserRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['users'];
  const staffRoles = orgAccess('admin', 'agent', 'provider');

  app.get(
    '/orgs/:orgId/users',
    {
      config: { access: staffRoles },
      schema: {
        tags,
        summary: 'Search user records (name without accents, email, phone in any format, birth date)',
        params: OrgParams,
        querystring: SearchQuery,
        response: { 200: SearchReply, ...errors },
      },
    },
    async (request) =>
      searchUsers(services.db, await loadScope(services.db, request.params.orgId), request.query),
  );

  app.post(
    '/orgs/:orgId/users',
    {
      config: { access: staffRoles },
      schema: {
        tags,
        summary: 'Create a user record (U1); warns about an email in use (U6) and possible duplicates (U8)',
        params: OrgParams,
        body: CreateUserBody,
        response: { 201: SaveUserReply, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = staffContext(request, services);
      const result = await createUser(ctx, request.params.orgId, request.body);
      return reply.status(201).send({ ...result, user: await describeUser(ctx.db, result.user) });
    },
  );

  app.get(
    '/orgs/:orgId/users/duplicates',
    {
      config: { access: staffRoles },
      schema: {
        tags,
        summary: 'Possible duplicates while a record is being typed (U8) and emails in use (U6)',
        params: OrgParams,
        querystring: DuplicatesQuery,
        response: { 200: DuplicatesReply, ...errors },
      },
    },
    async (request) => {
      const scope = await loadScope(services.db, request.params.orgId);
      const country = defaultCountryFor(scope.organisation);
      const query = request.query;
      const email = normaliseEmail(query.email);
      const duplicates = await findDuplicateSuggestions(services.db, scope, {
        firstName: query.firstName,
        lastName: query.lastName,
        birthDate: query.birthDate || null,
        email,
        mobilePhone: query.mobilePhone ? (toE164(query.mobilePhone, country) ?? null) : null,
        otherPhone: query.otherPhone ? (toE164(query.otherPhone, country) ?? null) : null,
        excludeId: query.excludeId,
      });
      const emailInUse = duplicates
        .filter((d) => email && d.email === email)
        .map(({ id, firstName, lastName }) => ({ id, firstName, lastName }));
      return { emailInUse, duplicates };
    },
  );

  app.get(
    '/orgs/:orgId/users/merge-preview',
    {
      config: { access: staffRoles },
      schema: {
        tags,
        summary: 'Two records side by side for a merge (U7)',
        params: OrgParams,
        querystring: MergePreviewQuery,
        response: { 200: MergePreviewReply, ...errors },
      },
    },
    async (request) => {
      const scope = await loadScope(services.db, request.params.orgId);
      const [keep, drop] = await Promise.all([
        loadVisibleUser(services.db, scope, request.query.keepId).then((row) =>
          describeUser(services.db, row),
        ),
        loadVisibleUser(services.db, scope, request.query.dropId).then((row) =>
          describeUser(services.db, row),
        ),
      ]);
      const fields = EDITABLE_FIELDS.map((field) => ({
        field,
        keep: keep[field],
        drop: drop[field],
        equal: keep[field] === drop[field],
      }));
      return { keep, drop, fields };
    },
  );

  app.post(
    '/orgs/:orgId/users/merge',
    {
      config: { access: staffRoles },
      schema: {
        tags,
        summary: 'Merge two records, choosing per field (U7)',
        params: OrgParams,
        body: MergeBody,
        response: { 200: UserRecord, ...errors },
      },
    },
    async (request) => {
      const ctx = staffContext(request, services);
      return describeUser(ctx.db, await mergeUsers(ctx, request.params.orgId, request.body));
    },
  );

  app.get(
    '/orgs/:orgId/users/:userId',
    {
      config: { access: staffRoles },
      schema: {
        tags,
        summary: 'A full user record (the read is audited, A4)',
        params: UserParams,
        response: { 200: UserDetailReply, ...errors },
      },
    },
    async (request) => viewUser(staffContext(request, services), request.params.orgId, request.params.userId),
  );

  app.patch(
    '/orgs/:orgId/users/:userId',
    {
      config: { access: staffRoles },
      schema: {
        tags,
        summary: 'Edit a user record (U3); preferences are read-only once the user set them (U4)',
        params: UserParams,
        body: UpdateUserBody,
        response: { 200: SaveUserReply, ...errors },
      },
    },
    async (request) => {
      const ctx = staffContext(request, services);
      const result = await updateUser(ctx, request.params.orgId, request.params.userId, request.body);
      return { user: await describeUser(ctx.db, result.user), emailInUse: result.emailInUse, duplicates: [] };
    },
  );

  app.get(
    '/orgs/:orgId/users/:userId/history',
    {
      config: { access: staffRoles },
      schema: {
        tags,
        summary: 'History of a user record (U3)',
        params: UserParams,
        response: { 200: HistoryReply, ...errors },
      },
    },
    async (request) => {
      const scope = await loadScope(services.db, request.params.orgId);
      await loadVisibleUser(services.db, scope, request.params.userId);
      return listUserHistory(services.db, request.params.userId);
    },
  );

  app.get(
    '/orgs/:orgId/users/:userId/appointments',
    {
      config: { access: staffRoles },
      schema: {
        tags,
        summary: 'Appointments of a user record in this organisation, with the user’s status (S6)',
        params: UserParams,
        response: {
          200: Type.Array(
            Type.Object({
              participantId: Type.String(),
              appointmentId: Type.String(),
              status: Type.String(),
              startsAt: Type.String(),
              endsAt: Type.String(),
              serviceName: Type.Object({ fr: Type.String(), en: Type.String() }),
              providerName: Type.String(),
            }),
          ),
          ...errors,
        },
      },
    },
    async (request) => {
      const scope = await loadScope(services.db, request.params.orgId);
      await loadVisibleUser(services.db, scope, request.params.userId);
      return listUserAppointments(services.db, request.params.orgId, request.params.userId);
    },
  );

  app.post(
    '/orgs/:orgId/users/:userId/invitations',
    {
      config: { access: staffRoles },
      schema: {
        tags,
        summary: 'Invite the user to create their portal account (U5)',
        params: UserParams,
        body: InviteBody,
        response: { 201: InviteReply, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inviteUser(
            staffContext(request, services),
            request.params.orgId,
            request.params.userId,
            request.body,
          ),
        ),
  );

  app.get(
    '/orgs/:orgId/audit',
    {
      config: { access: orgAccess('admin') },
      schema: {
        tags,
        summary: 'Audit trail of user-record reads (A4), admins only',
        params: OrgParams,
        querystring: AuditQuery,
        response: { 200: AuditReply, ...errors },
      },
    },
    async (request) => listAudit(services.db, request.params.orgId, request.query),
  );

  const TokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) });

  app.get(
    '/public/invitations/:token',
    {
      config: { access: PUBLIC, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['portal'],
        summary: 'What an invitation link opens (U5)',
        params: TokenParams,
        response: { 200: InvitationPreviewReply, ...errors },
      },
    },
    async (request) => previewInvitation(services.db, request.params.token),
  );

  app.post(
    '/public/invitations/:token/accept',
    {
      config: { access: PUBLIC, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['portal'],
        summary: 'Accept an invitation: set a password on a portal account tied to the record (U5)',
        params: TokenParams,
        body: AcceptInvitationBody,
        response: { 201: Type.Object({ ok: Type.Literal(true) }), ...errors },
      },
    },
    async (request, reply) => {
      await acceptInvitation(services.db, { token: request.params.token, ...request.body });
      return reply.status(201).send({ ok: true as const });
    },
  );
}
