// TypeBox schemas of user records.
import { Type } from 'typebox';
import { Uuid } from '../accounts/schemas.ts';
import { LanguageSchema } from '../auth/schemas.ts';
import { Nullable } from '../http/schema-helpers.ts';

const Name = Type.String({ minLength: 1, maxLength: 100 });
const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

const EditableProperties = {
  birthDate: Type.Optional(Nullable(DateString)),
  // Checked after trimming, in the action (ajv would refuse " a@b.c ").
  email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
  mobilePhone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  otherPhone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  address: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  language: Type.Optional(LanguageSchema),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  notifyByEmail: Type.Optional(Type.Boolean()),
  notifyBySms: Type.Optional(Type.Boolean()),
};

export const CreateUserBody = Type.Object(
  { firstName: Name, lastName: Name, ...EditableProperties },
  { additionalProperties: false },
);
export const UpdateUserBody = Type.Object(
  { firstName: Type.Optional(Name), lastName: Type.Optional(Name), ...EditableProperties },
  { additionalProperties: false, minProperties: 1 },
);

export const UserParams = Type.Object({ orgId: Uuid, userId: Uuid });

export const UserSummary = Type.Object({
  id: Uuid,
  firstName: Type.String(),
  lastName: Type.String(),
  birthDate: Nullable(Type.String()),
  email: Nullable(Type.String()),
  mobilePhone: Nullable(Type.String()),
});

export const DuplicateSuggestion = Type.Object({
  ...UserSummary.properties,
  score: Type.Number(),
  reasons: Type.Array(Type.String()),
});

export const UserRecord = Type.Object({
  ...UserSummary.properties,
  otherPhone: Nullable(Type.String()),
  address: Nullable(Type.String()),
  language: LanguageSchema,
  notes: Nullable(Type.String()),
  notifyByEmail: Type.Boolean(),
  notifyBySms: Type.Boolean(),
  preferencesLocked: Type.Boolean(),
  preferencesSetByUserAt: Nullable(Type.String()),
  warnings: Type.Array(Type.String()),
  hasPortalAccount: Type.Boolean(),
  organisationIds: Type.Array(Uuid),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const EmailInUse = Type.Array(Type.Object({ id: Uuid, firstName: Type.String(), lastName: Type.String() }));

export const SaveUserReply = Type.Object({
  user: UserRecord,
  emailInUse: EmailInUse,
  duplicates: Type.Array(DuplicateSuggestion),
});

export const UserDetailReply = Type.Object({
  ...UserRecord.properties,
  duplicates: Type.Array(DuplicateSuggestion),
});

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
});
export const SearchReply = Type.Object({
  items: Type.Array(Type.Object({ ...UserSummary.properties, warnings: Type.Array(Type.String()) })),
  nextCursor: Nullable(Type.String()),
});

export const DuplicatesQuery = Type.Object({
  /** The record being edited, left out of its own suggestions. */
  excludeId: Type.Optional(Uuid),
  firstName: Name,
  lastName: Name,
  birthDate: Type.Optional(Type.Union([DateString, Type.Literal('')])),
  email: Type.Optional(Type.String({ maxLength: 254 })),
  mobilePhone: Type.Optional(Type.String({ maxLength: 40 })),
  otherPhone: Type.Optional(Type.String({ maxLength: 40 })),
});
export const DuplicatesReply = Type.Object({
  emailInUse: EmailInUse,
  duplicates: Type.Array(DuplicateSuggestion),
});

export const HistoryReply = Type.Array(
  Type.Object({
    id: Uuid,
    action: Type.String(),
    at: Type.String(),
    actor: Nullable(Type.String()),
    changes: Type.Array(Type.Object({ field: Type.String(), from: Type.Unknown(), to: Type.Unknown() })),
    details: Type.Record(Type.String(), Type.Unknown()),
  }),
);

export const InviteBody = Type.Object(
  { channel: Type.Union([Type.Literal('email'), Type.Literal('sms')]) },
  { additionalProperties: false },
);
export const InviteReply = Type.Object({
  invitationId: Uuid,
  expiresAt: Type.String(),
  channel: Type.String(),
});

const Choice = Type.Union([Type.Literal('keep'), Type.Literal('drop')]);
export const MergeBody = Type.Object(
  {
    keepId: Uuid,
    dropId: Uuid,
    choices: Type.Object(
      {
        firstName: Type.Optional(Choice),
        lastName: Type.Optional(Choice),
        birthDate: Type.Optional(Choice),
        email: Type.Optional(Choice),
        mobilePhone: Type.Optional(Choice),
        otherPhone: Type.Optional(Choice),
        address: Type.Optional(Choice),
        language: Type.Optional(Choice),
        notes: Type.Optional(Choice),
        notifyByEmail: Type.Optional(Choice),
        notifyBySms: Type.Optional(Choice),
      },
      { additionalProperties: false },
    ),
    versions: Type.Object({ keep: Type.Integer(), drop: Type.Integer() }),
  },
  { additionalProperties: false },
);
export const MergePreviewQuery = Type.Object({ keepId: Uuid, dropId: Uuid });
export const MergePreviewReply = Type.Object({
  keep: UserRecord,
  drop: UserRecord,
  fields: Type.Array(
    Type.Object({ field: Type.String(), keep: Type.Unknown(), drop: Type.Unknown(), equal: Type.Boolean() }),
  ),
});

export const AuditQuery = Type.Object({
  userId: Type.Optional(Uuid),
  before: Type.Optional(Type.String({ format: 'date-time' })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
export const AuditReply = Type.Array(
  Type.Object({
    id: Uuid,
    at: Type.String(),
    action: Type.String(),
    userId: Uuid,
    userName: Type.String(),
    staffId: Uuid,
    staffName: Type.String(),
  }),
);

export const InvitationPreviewReply = Type.Object({
  firstName: Type.String(),
  organisationName: Type.String(),
  language: LanguageSchema,
  needsEmail: Type.Boolean(),
  expiresAt: Type.String(),
});
export const AcceptInvitationBody = Type.Object(
  {
    password: Type.String({ minLength: 10, maxLength: 200 }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  },
  { additionalProperties: false },
);
