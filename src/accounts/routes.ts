// Routes of accounts, organisations, locations and staff members (with the admin's password-reset link, A1).

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../context.ts';
import { accountAccess, orgAccess } from '../http/access.ts';
import { staffContext } from '../http/context.ts';
import { errorReplies } from '../http/schema-helpers.ts';
import {
  createLocation,
  updateAccount,
  updateLocation,
  updateOrganisation,
} from './actions/manage-organisation.ts';
import { addStaffMember, changeStaffRole, removeStaffMember } from './actions/manage-staff.ts';
import { sendStaffPasswordResetLink } from './actions/send-staff-password-reset.ts';
import { getAccount, getOrganisation, listLocations, listStaffMembers } from './queries.ts';
import {
  AccountParams,
  AccountPatch,
  AccountReply,
  LocationBody,
  LocationParams,
  LocationReply,
  OrganisationPatch,
  OrganisationReply,
  OrgParams,
  StaffMemberBody,
  StaffMemberReply,
  StaffParams,
  StaffRoleBody,
} from './schemas.ts';

const errors = errorReplies(400, 401, 403, 404, 409);
const Ok = Type.Object({ ok: Type.Literal(true) });

export function registerAccountRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['organisations'];

  app.get(
    '/accounts/:accountId',
    {
      config: { access: accountAccess() },
      schema: {
        tags,
        summary: 'Account settings',
        params: AccountParams,
        response: { 200: AccountReply, ...errors },
      },
    },
    async (request) => getAccount(services.db, request.params.accountId),
  );

  app.patch(
    '/accounts/:accountId',
    {
      config: { access: accountAccess('admin') },
      schema: {
        tags,
        summary: 'Change account settings (U2: users visible across organisations)',
        params: AccountParams,
        body: AccountPatch,
        response: { 200: AccountReply, ...errors },
      },
    },
    async (request) =>
      updateAccount(staffContext(request, services), {
        accountId: request.params.accountId,
        ...request.body,
      }),
  );

  app.get(
    '/orgs/:orgId',
    {
      config: { access: orgAccess() },
      schema: {
        tags,
        summary: 'An organisation',
        params: OrgParams,
        response: { 200: OrganisationReply, ...errors },
      },
    },
    async (request) => getOrganisation(services.db, request.params.orgId),
  );

  app.patch(
    '/orgs/:orgId',
    {
      config: { access: orgAccess('admin') },
      schema: {
        tags,
        summary: 'Change an organisation’s details',
        params: OrgParams,
        body: OrganisationPatch,
        response: { 200: OrganisationReply, ...errors },
      },
    },
    async (request) =>
      updateOrganisation(staffContext(request, services), request.params.orgId, request.body),
  );

  app.get(
    '/orgs/:orgId/locations',
    {
      config: { access: orgAccess() },
      schema: {
        tags,
        summary: 'Locations of an organisation',
        params: OrgParams,
        response: { 200: Type.Array(LocationReply), ...errors },
      },
    },
    async (request) => listLocations(services.db, request.params.orgId),
  );

  app.post(
    '/orgs/:orgId/locations',
    {
      config: { access: orgAccess('admin') },
      schema: {
        tags,
        summary: 'Add a location',
        params: OrgParams,
        body: LocationBody,
        response: { 201: LocationReply, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createLocation(staffContext(request, services), request.params.orgId, request.body)),
  );

  app.put(
    '/orgs/:orgId/locations/:locationId',
    {
      config: { access: orgAccess('admin') },
      schema: {
        tags,
        summary: 'Change a location',
        params: LocationParams,
        body: LocationBody,
        response: { 200: LocationReply, ...errors },
      },
    },
    async (request) =>
      updateLocation(
        staffContext(request, services),
        request.params.orgId,
        request.params.locationId,
        request.body,
      ),
  );

  app.get(
    '/orgs/:orgId/staff',
    {
      config: { access: orgAccess('admin', 'agent') },
      schema: {
        tags,
        summary: 'Staff members of an organisation',
        params: OrgParams,
        response: { 200: Type.Array(StaffMemberReply), ...errors },
      },
    },
    async (request) => listStaffMembers(services.db, request.params.orgId),
  );

  app.post(
    '/orgs/:orgId/staff',
    {
      config: { access: orgAccess('admin') },
      schema: {
        tags,
        summary: 'Add a staff member with a role',
        params: OrgParams,
        body: StaffMemberBody,
        response: { 201: StaffMemberReply, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addStaffMember(staffContext(request, services), request.params.orgId, request.body)),
  );

  app.put(
    '/orgs/:orgId/staff/:staffId',
    {
      config: { access: orgAccess('admin') },
      schema: {
        tags,
        summary: 'Change a staff member’s role',
        params: StaffParams,
        body: StaffRoleBody,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await changeStaffRole(
        staffContext(request, services),
        request.params.orgId,
        request.params.staffId,
        request.body.role,
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/orgs/:orgId/staff/:staffId/password-reset',
    {
      config: { access: orgAccess('admin'), rateLimit: { max: 30, timeWindow: '10 minutes' } },
      schema: {
        tags,
        summary: 'Email a staff member a one-hour link to choose a new password (A1)',
        description:
          'The same link as "Forgot your password?"; their current password works until it is followed. ' +
          '429 once the staff member was sent a few links within the hour.',
        params: StaffParams,
        response: { 202: Ok, ...errors, ...errorReplies(429) },
      },
    },
    async (request, reply) => {
      await sendStaffPasswordResetLink(staffContext(request, services), {
        organisationId: request.params.orgId,
        staffId: request.params.staffId,
      });
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.delete(
    '/orgs/:orgId/staff/:staffId',
    {
      config: { access: orgAccess('admin') },
      schema: {
        tags,
        summary: 'Remove a staff member from the organisation',
        params: StaffParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await removeStaffMember(staffContext(request, services), request.params.orgId, request.params.staffId);
      return { ok: true as const };
    },
  );
}
