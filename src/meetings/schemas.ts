// TypeBox schemas of video meeting payloads (V1–V6).
import { Type } from 'typebox';
import { Uuid } from '../accounts/schemas.ts';
import { Nullable } from '../http/schema-helpers.ts';
import { DateString, Instant } from '../scheduling/schemas.ts';

export const MeetingBody = Type.Object(
  {
    hostId: Uuid,
    serviceId: Uuid,
    startsAt: Instant,
    minutes: Type.Integer({ minimum: 5, maximum: 480 }),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    invitedStaffIds: Type.Array(Uuid, { maxItems: 20 }),
    userId: Type.Optional(Uuid),
    recurrence: Type.Optional(
      Type.Object(
        {
          frequency: Type.Union([Type.Literal('daily'), Type.Literal('weekly'), Type.Literal('monthly')]),
          count: Type.Optional(Type.Integer({ minimum: 1, maximum: 52 })),
          untilDate: Type.Optional(DateString),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const MeetingParams = Type.Object({ orgId: Uuid, meetingId: Uuid });
export const MeetingListQuery = Type.Object({
  view: Type.Union([Type.Literal('active'), Type.Literal('pending')], { default: 'active' }),
});

export const CancelMeetingBody = Type.Object(
  {
    scope: Type.Union([Type.Literal('this'), Type.Literal('series')]),
    notifyUser: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const InvitationAnswerBody = Type.Object(
  {
    response: Type.Union([Type.Literal('accepted'), Type.Literal('declined')]),
    scope: Type.Optional(Type.Union([Type.Literal('this'), Type.Literal('series')])),
  },
  { additionalProperties: false },
);

const Person = { firstName: Type.String(), lastName: Type.String() };
const InvitationStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('accepted'),
  Type.Literal('declined'),
]);

export const MeetingReply = Type.Object({
  id: Uuid,
  title: Nullable(Type.String()),
  startsAt: Instant,
  endsAt: Instant,
  state: Type.Union([Type.Literal('booked'), Type.Literal('cancelled')]),
  service: Type.Object({ id: Uuid, nameFr: Type.String(), nameEn: Type.String() }),
  host: Type.Object({ id: Uuid, ...Person }),
  invitations: Type.Array(Type.Object({ staffId: Uuid, ...Person, status: InvitationStatus })),
  patient: Nullable(Type.Object({ id: Uuid, ...Person, hasContact: Type.Boolean() })),
  meetingCode: Type.String(),
  passcode: Type.String(),
  joinUrl: Type.String(),
  seriesId: Nullable(Uuid),
  upcomingInSeries: Type.Integer(),
  myInvitation: Nullable(InvitationStatus),
  canCancel: Type.Boolean(),
});

export const CreatedMeetingsReply = Type.Object({
  seriesId: Nullable(Uuid),
  meetings: Type.Array(MeetingReply),
});

export const CancelledMeetingsReply = Type.Object({
  cancelled: Type.Array(Type.Object({ appointmentId: Uuid, startsAt: Instant })),
  /** False: people who only received the link (the patient included) were not told — the banner says so. */
  isPatientNotified: Type.Boolean(),
});

export const InvitationAnswerReply = Type.Object({
  status: InvitationStatus,
  appointmentIds: Type.Array(Uuid),
});
