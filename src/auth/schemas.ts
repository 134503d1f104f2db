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
    /** The second factor, when the member turned it on: 6 digits from the app, or a recovery code. */
    code: Type.Optional(Type.String({ maxLength: 20 })),
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

/** A1 second factor: a code from the authenticator app, or a recovery code where the member may use one. */
export const SecondFactorCodeBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 20 }) },
  { additionalProperties: false },
);

export const DisableSecondFactorBody = Type.Object(
  {
    password: Type.String({ minLength: 1, maxLength: 200 }),
    code: Type.String({ minLength: 1, maxLength: 20 }),
  },
  { additionalProperties: false },
);

export const SecondFactorStatusReply = Type.Object({
  isEnabled: Type.Boolean(),
  enabledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  recoveryCodesLeft: Type.Integer(),
});

export const SecondFactorSetupReply = Type.Object({
  /** Base32, for typing into the app by hand. */
  secret: Type.String(),
  /** otpauth:// URI for the QR code. */
  uri: Type.String(),
});

export const RecoveryCodesReply = Type.Object({ recoveryCodes: Type.Array(Type.String()) });

/** A reset link followed: signed in, unless a second factor is on (then the sign-in page asks for it). */
export const StaffResetReply = Type.Object({ ok: Type.Literal(true), signedIn: Type.Boolean() });
