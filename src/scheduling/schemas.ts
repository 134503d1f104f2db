// TypeBox schemas of scheduling payloads.
import { Type } from 'typebox';
import { Uuid } from '../accounts/schemas.ts';
import { Nullable } from '../http/schema-helpers.ts';

export const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const TimeString = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$' });
export const Instant = Type.String({ format: 'date-time' });

const ServiceFields = {
  nameFr: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.String({ minLength: 1, maxLength: 200 }),
  durationMinutes: Type.Integer({ minimum: 5, maximum: 1440 }),
  isVideo: Type.Optional(Type.Boolean()),
  bookableOnline: Type.Optional(Type.Boolean()),
  capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  minNoticeMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 525_600 })),
  bufferBeforeMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 240 })),
  bufferAfterMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 240 })),
  oneUpcomingPerUser: Type.Optional(Type.Boolean()),
  color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
  locationIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
};
export const ServiceBody = Type.Object(ServiceFields, { additionalProperties: false });
export const ServicePatch = Type.Object(
  {
    ...Object.fromEntries(Object.entries(ServiceFields).map(([key, schema]) => [key, Type.Optional(schema)])),
    archived: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const ServiceReply = Type.Object({
  id: Uuid,
  nameFr: Type.String(),
  nameEn: Type.String(),
  durationMinutes: Type.Integer(),
  isVideo: Type.Boolean(),
  bookableOnline: Type.Boolean(),
  capacity: Type.Integer(),
  minNoticeMinutes: Type.Integer(),
  bufferBeforeMinutes: Type.Integer(),
  bufferAfterMinutes: Type.Integer(),
  oneUpcomingPerUser: Type.Boolean(),
  color: Type.String(),
  locationIds: Type.Array(Uuid),
  archivedAt: Nullable(Type.Unknown()),
});
export const ServiceParams = Type.Object({ orgId: Uuid, serviceId: Uuid });

export const SlotQuery = Type.Object({
  from: DateString,
  to: DateString,
  providerId: Type.Optional(Uuid),
  locationId: Type.Optional(Uuid),
});
export const SlotReply = Type.Object({
  startsAt: Type.String(),
  endsAt: Type.String(),
  providerId: Uuid,
  locationId: Nullable(Uuid),
  remaining: Type.Integer(),
  isLocked: Type.Boolean(),
});

/** A time the public may book: one per start and location, the places of every free provider added up. */
export const PublicSlotReply = Type.Object({
  startsAt: Type.String(),
  endsAt: Type.String(),
  locationId: Nullable(Uuid),
  remaining: Type.Integer(),
});

export const BookBody = Type.Object(
  {
    serviceId: Uuid,
    providerId: Uuid,
    locationId: Type.Optional(Nullable(Uuid)),
    startsAt: Instant,
    userIds: Type.Array(Uuid, { minItems: 1, maxItems: 500 }),
    outsideOpeningHours: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const MoveBody = Type.Object(
  {
    startsAt: Instant,
    providerId: Type.Optional(Uuid),
    locationId: Type.Optional(Nullable(Uuid)),
    outsideOpeningHours: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const AppointmentParams = Type.Object({ orgId: Uuid, appointmentId: Uuid });
export const AppointmentReply = Type.Object({
  id: Uuid,
  startsAt: Type.String(),
  endsAt: Type.String(),
  providerId: Uuid,
  serviceId: Uuid,
  locationId: Nullable(Uuid),
  state: Type.String(),
});

export const ParticipantView = Type.Object({
  id: Uuid,
  userId: Uuid,
  name: Type.String(),
  status: Type.String(),
});
export const HistoryEntry = Type.Object({
  id: Uuid,
  action: Type.String(),
  at: Type.String(),
  participantId: Nullable(Type.String()),
  actor: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export const AppointmentDetail = Type.Object({
  id: Uuid,
  state: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  providerId: Uuid,
  providerName: Type.String(),
  locationId: Nullable(Uuid),
  service: Type.Object({
    id: Uuid,
    nameFr: Type.String(),
    nameEn: Type.String(),
    capacity: Type.Integer(),
    isVideo: Type.Boolean(),
  }),
  isUpcoming: Type.Boolean(),
  participants: Type.Array(ParticipantView),
  history: Type.Array(HistoryEntry),
});

export const LockBody = Type.Object(
  {
    providerId: Uuid,
    startsAt: Instant,
    endsAt: Instant,
    reason: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  },
  { additionalProperties: false },
);
export const LockReply = Type.Object({
  id: Uuid,
  providerId: Uuid,
  startsAt: Type.String(),
  endsAt: Type.String(),
  reason: Nullable(Type.String()),
});

export const ScheduleQuery = Type.Object({ providerId: Uuid, from: DateString, to: DateString });
const Period = { startsAt: Type.String(), endsAt: Type.String() };
export const ScheduleReply = Type.Object({
  appointments: Type.Array(
    Type.Object({
      id: Uuid,
      /** V1: set when the appointment is a video meeting (its host's, or one the provider is invited to). */
      meeting: Nullable(
        Type.Object({
          title: Nullable(Type.String()),
          isHost: Type.Boolean(),
          seriesId: Nullable(Uuid),
          joinUrl: Type.String(),
        }),
      ),
      ...Period,
      serviceId: Uuid,
      serviceName: Type.Object({ fr: Type.String(), en: Type.String() }),
      color: Type.String(),
      locationId: Nullable(Uuid),
      capacity: Type.Integer(),
      participants: Type.Array(ParticipantView),
    }),
  ),
  locks: Type.Array(Type.Object({ id: Uuid, ...Period, reason: Nullable(Type.String()) })),
  absences: Type.Array(Type.Object({ id: Uuid, ...Period, reason: Nullable(Type.String()) })),
  openings: Type.Array(Type.Object({ ...Period, locationId: Nullable(Uuid) })),
});

const RuleSchema = Type.Object(
  {
    weekday: Type.Integer({ minimum: 1, maximum: 7 }),
    startTime: TimeString,
    endTime: TimeString,
    locationId: Type.Optional(Nullable(Uuid)),
    serviceIds: Type.Optional(Nullable(Type.Array(Uuid))),
    validFrom: Type.Optional(Nullable(DateString)),
    validUntil: Type.Optional(Nullable(DateString)),
  },
  { additionalProperties: false },
);
export const WeeklyHoursBody = Type.Object(
  { rules: Type.Array(RuleSchema, { maxItems: 200 }) },
  { additionalProperties: false },
);
export const ExceptionBody = Type.Object(
  {
    date: DateString,
    kind: Type.Union([Type.Literal('extra'), Type.Literal('removed')]),
    startTime: Type.Optional(Nullable(TimeString)),
    endTime: Type.Optional(Nullable(TimeString)),
    locationId: Type.Optional(Nullable(Uuid)),
    note: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  },
  { additionalProperties: false },
);
export const AbsenceBody = Type.Object(
  { startsAt: Instant, endsAt: Instant, reason: Type.Optional(Nullable(Type.String({ maxLength: 300 }))) },
  { additionalProperties: false },
);
export const ProviderParams = Type.Object({ orgId: Uuid, providerId: Uuid });
export const AvailabilityReply = Type.Object({
  rules: Type.Array(
    Type.Object({
      weekday: Type.Integer(),
      startTime: Type.String(),
      endTime: Type.String(),
      locationId: Nullable(Type.String()),
      serviceIds: Nullable(Type.Array(Type.String())),
      validFrom: Nullable(Type.String()),
      validUntil: Nullable(Type.String()),
    }),
  ),
  exceptions: Type.Array(
    Type.Object({
      id: Uuid,
      date: Type.String(),
      kind: Type.String(),
      startTime: Nullable(Type.String()),
      endTime: Nullable(Type.String()),
      locationId: Nullable(Type.String()),
      note: Nullable(Type.String()),
    }),
  ),
  absences: Type.Array(Type.Object({ id: Uuid, ...Period, reason: Nullable(Type.String()) })),
});

export const HoldBody = Type.Object(
  {
    serviceId: Uuid,
    providerId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'Omitted: any provider free at that time (the portal shows times).',
      }),
    ),
    locationId: Type.Optional(Nullable(Uuid)),
    startsAt: Instant,
  },
  { additionalProperties: false },
);
export const HoldReply = Type.Object({
  token: Type.String(),
  expiresAt: Type.String(),
  startsAt: Type.String(),
  providerId: Uuid,
  locationId: Nullable(Uuid),
});
