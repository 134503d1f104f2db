// TypeBox schemas shared by the portal's routes.
import { Type } from 'typebox';
import { LanguageSchema } from '../auth/schemas.ts';
import { Nullable } from '../http/schema-helpers.ts';

/** The signed-in person's profile and preferences (P4, U4). */
export const ProfileReply = Type.Object({
  firstName: Type.String(),
  lastName: Type.String(),
  email: Nullable(Type.String()),
  /** A new address waiting for its confirmation link to be followed; the old one is used meanwhile. */
  pendingEmail: Nullable(Type.String()),
  mobilePhone: Nullable(Type.String()),
  language: LanguageSchema,
  notifyByEmail: Type.Boolean(),
  notifyBySms: Type.Boolean(),
});
