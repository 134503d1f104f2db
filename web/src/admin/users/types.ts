// The API shapes the Users screens work with, all taken from the generated client types.
import type { RequestBody, ResponseBody } from '../../api/client';

export type UserSummary = ResponseBody<'/api/v1/orgs/{orgId}/users', 'get'>['items'][number];
export type SearchPage = ResponseBody<'/api/v1/orgs/{orgId}/users', 'get'>;
export type UserDetail = ResponseBody<'/api/v1/orgs/{orgId}/users/{userId}', 'get'>;
export type UserRecord = ResponseBody<'/api/v1/orgs/{orgId}/users/merge', 'post'>;
export type SaveUserReply = ResponseBody<'/api/v1/orgs/{orgId}/users', 'post', 201>;
export type DuplicateSuggestion = SaveUserReply['duplicates'][number];
export type EmailInUse = SaveUserReply['emailInUse'];
export type HistoryEntry = ResponseBody<'/api/v1/orgs/{orgId}/users/{userId}/history', 'get'>[number];
export type UserAppointment = ResponseBody<'/api/v1/orgs/{orgId}/users/{userId}/appointments', 'get'>[number];
export type AuditEntry = ResponseBody<'/api/v1/orgs/{orgId}/audit', 'get'>[number];
export type MergePreview = ResponseBody<'/api/v1/orgs/{orgId}/users/merge-preview', 'get'>;
export type CreateUserBody = RequestBody<'/api/v1/orgs/{orgId}/users', 'post'>;
export type UpdateUserBody = RequestBody<'/api/v1/orgs/{orgId}/users/{userId}', 'patch'>;
export type MergeChoices = RequestBody<'/api/v1/orgs/{orgId}/users/merge', 'post'>['choices'];

/** The fields staff edit and compare, in the order the screens show them. */
export type EditableField = keyof MergeChoices;
export const EDITABLE_FIELDS = [
  'firstName',
  'lastName',
  'birthDate',
  'email',
  'mobilePhone',
  'otherPhone',
  'address',
  'language',
  'notes',
  'notifyByEmail',
  'notifyBySms',
] as const satisfies readonly EditableField[];

export function isEditableField(value: string): value is EditableField {
  return (EDITABLE_FIELDS as readonly string[]).includes(value);
}

export function fullName(user: { firstName: string; lastName: string }): string {
  return `${user.firstName} ${user.lastName}`;
}
