// TypeBox schemas of accounts, organisations, locations and staff.
import { Type } from 'typebox';
import { LanguageSchema, RoleSchema } from '../auth/schemas.ts';

export const Uuid = Type.String({ format: 'uuid' });
export const OrgParams = Type.Object({ orgId: Uuid });
export const AccountParams = Type.Object({ accountId: Uuid });
const Phone = Type.String({ maxLength: 40 });

export const AccountReply = Type.Object({
  id: Uuid,
  name: Type.String(),
  usersVisibleAcrossOrganisations: Type.Boolean(),
});
export const AccountPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    usersVisibleAcrossOrganisations: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const OrganisationReply = Type.Object({
  id: Uuid,
  accountId: Uuid,
  slug: Type.String(),
  name: Type.String(),
  timeZone: Type.String(),
  defaultLanguage: LanguageSchema,
  phone: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
});
export const OrganisationPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    defaultLanguage: Type.Optional(LanguageSchema),
    phone: Type.Optional(Type.Union([Phone, Type.Null()])),
    address: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const LocationReply = Type.Object({
  id: Uuid,
  organisationId: Uuid,
  name: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
});
export const LocationBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    address: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export const LocationParams = Type.Object({ orgId: Uuid, locationId: Uuid });

export const StaffMemberReply = Type.Object({
  id: Uuid,
  email: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  role: RoleSchema,
  /** A1: whether sign-in asks this member for a second factor. */
  hasTwoFactor: Type.Boolean(),
});
export const StaffMemberBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    firstName: Type.String({ minLength: 1, maxLength: 100 }),
    lastName: Type.String({ minLength: 1, maxLength: 100 }),
    role: RoleSchema,
    password: Type.Optional(Type.String({ minLength: 10, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const StaffParams = Type.Object({ orgId: Uuid, staffId: Uuid });
export const StaffRoleBody = Type.Object({ role: RoleSchema }, { additionalProperties: false });
