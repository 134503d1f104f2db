// HTTP routes of video meetings (V1–V6): create (single or recurring), the Consultations lists, one
// meeting, cancel (this one or the series), and an invitee's answer.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { OrgParams } from '../accounts/schemas.ts';
import type { Services } from '../context.ts';
import { orgAccess } from '../http/access.ts';
import { staffContext } from '../http/context.ts';
import { errorReplies } from '../http/schema-helpers.ts';
import { cancelMeeting } from './actions/cancel-meeting.ts';
import { createMeeting } from './actions/create-meeting.ts';
import { respondToInvitation } from './actions/respond-to-invitation.ts';
import { findMeetings, getMeeting, listMeetings } from './queries.ts';
import {
  CancelledMeetingsReply,
  CancelMeetingBody,
  CreatedMeetingsReply,
  InvitationAnswerBody,
  InvitationAnswerReply,
  MeetingBody,
  MeetingListQuery,
  MeetingParams,
  MeetingReply,
} from './schemas.ts';

const errors = errorReplies(400, 401, 403, 404, 409);
const tags = ['meetings'];
const anyRole = orgAccess('admin', 'agent', 'provider');

export function registerMeetingRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = services;

  app.post(
    '/orgs/:orgId/meetings',
    {
      config: { access: anyRole },
      schema: {
        tags,
        summary: 'Create a video meeting, or a recurring series (V1, V2, V4)',
        description:
          'A provider hosts their own; an agent or admin may create one for any provider. Each occurrence ' +
          'takes the host’s time like a booking: 409 slot_unavailable names the occurrence that collides.',
        params: OrgParams,
        body: MeetingBody,
        response: { 201: CreatedMeetingsReply, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = staffContext(request, services);
      const { orgId } = request.params;
      const created = await createMeeting(ctx, orgId, {
        ...request.body,
        startsAt: new Date(request.body.startsAt),
      });
      return reply.status(201).send({
        seriesId: created.seriesId,
        meetings: await findMeetings(db, ctx.actor, orgId, created.appointmentIds),
      });
    },
  );

  app.get(
    '/orgs/:orgId/meetings',
    {
      config: { access: anyRole },
      schema: {
        tags,
        summary: 'Consultations: active meetings, or invitations awaiting my answer (V6)',
        params: OrgParams,
        querystring: MeetingListQuery,
        response: { 200: Type.Array(MeetingReply), ...errors },
      },
    },
    async (request) => listMeetings(db, request.actor!, request.params.orgId, request.query.view),
  );

  app.get(
    '/orgs/:orgId/meetings/:meetingId',
    {
      config: { access: anyRole },
      schema: {
        tags,
        summary: 'One video meeting',
        params: MeetingParams,
        response: { 200: MeetingReply, ...errors },
      },
    },
    async (request) => getMeeting(db, request.actor!, request.params.orgId, request.params.meetingId),
  );

  app.post(
    '/orgs/:orgId/meetings/:meetingId/cancel',
    {
      config: { access: anyRole },
      schema: {
        tags,
        summary: 'Cancel this meeting only, or every meeting of its series not yet started (V5)',
        description:
          'Invited providers and the clinic’s admins are told per their settings. The patient is told only ' +
          'with notifyUser (and a contact their preferences allow): isPatientNotified says whether.',
        params: MeetingParams,
        body: CancelMeetingBody,
        response: { 200: CancelledMeetingsReply, ...errors },
      },
    },
    async (request) =>
      cancelMeeting(staffContext(request, services), request.params.orgId, request.params.meetingId, {
        scope: request.body.scope,
        notifyUser: request.body.notifyUser ?? false,
      }),
  );

  app.post(
    '/orgs/:orgId/meetings/:meetingId/response',
    {
      config: { access: anyRole },
      schema: {
        tags,
        summary: 'Accept or decline my invitation to a meeting, or to the rest of its series (V3)',
        description: 'A decline tells the host per their settings.',
        params: MeetingParams,
        body: InvitationAnswerBody,
        response: { 200: InvitationAnswerReply, ...errors },
      },
    },
    async (request) =>
      respondToInvitation(staffContext(request, services), request.params.orgId, request.params.meetingId, {
        response: request.body.response,
        scope: request.body.scope ?? 'this',
      }),
  );
}
