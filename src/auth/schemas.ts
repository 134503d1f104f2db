// TypeBox schemas of the sign-in and session payloads, and of the emailed-link flows (password reset, email
// confirmation) that staff and portal accounts share.
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

/** "It is done" (or, for a link request, "if the address is known, a link is on its way"). */
export const AcceptedReply = Type.Object({ ok: Type.Literal(true) });

/** The token of an emailed link, in the path. */
export const LinkTokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) });

/** What a link is for, shown before the password is asked. */
export const LinkEmailReply = Type.Object({ email: Type.String() });

export const EmailBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }) },
  { additionalProperties: false },
);

export const PasswordBody = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
