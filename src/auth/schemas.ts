// TypeBox schemas of the sign-in and session payloads.
import { Type } from 'typebox';

export const LanguageSchema = Type.Union([Type.Literal('fr'), Type.Literal('en')]);
export const RoleSchema = Type.Union([
  Type.Literal('admin'),
  Type.Literal('agent'),
  Type.Literal('provider'),
]);

export const SignInBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 10, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const LanguageBody = Type.Object({ language: LanguageSchema }, { additionalProperties: false });

export const SessionReply = Type.Object({
  csrfToken: Type.String(),
  staff: Type.Object({
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    firstName: Type.String(),
    lastName: Type.String(),
    language: LanguageSchema,
  }),
  account: Type.Object({
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    usersVisibleAcrossOrganisations: Type.Boolean(),
  }),
  memberships: Type.Array(
    Type.Object({
      organisationId: Type.String({ format: 'uuid' }),
      organisationName: Type.String(),
      slug: Type.String(),
      timeZone: Type.String(),
      role: RoleSchema,
    }),
  ),
});
