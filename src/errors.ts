// Typed domain errors. The code is also the i18n key (`errors.<code>`) of the message shown to the caller.
export const ERROR_CODES = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  second_factor_required: 401,
  invalid_second_factor: 400,
  second_factor_enabled: 409,
  second_factor_not_started: 409,
  second_factor_not_enabled: 409,
  csrf_failed: 403,
  forbidden: 403,
  not_visible: 404,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  slug_taken: 409,
  password_too_weak: 400,
  wrong_password: 400,
  rate_limited: 429,
  user_merged: 410,
  prefs_locked: 409,
  record_changed: 409,
  merge_same_record: 400,
  invitation_invalid: 400,
  invitation_expired: 410,
  invitation_used: 409,
  no_contact_for_channel: 400,
  portal_email_taken: 409,
  verification_invalid: 400,
  verification_expired: 410,
  verification_used: 409,
  email_not_verified: 403,
  reset_link_invalid: 404,
  reset_link_expired: 410,
  reset_link_used: 410,
  reset_links_capped: 429,
  slot_unavailable: 409,
  one_upcoming_per_user: 409,
  appointment_not_active: 409,
  range_too_long: 400,
  hold_invalid: 410,
  batch_choice_required: 400,
  not_available: 409,
  cancellation_too_late: 409,
  contact_required: 400,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export type FieldError = { path: string; code: string; message?: string; params?: Record<string, unknown> };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields: FieldError[] = [],
    readonly params: Record<string, unknown> = {},
    /** Public details returned beside the message (e.g. the id of the record a merged one lives in). */
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'AppError';
    this.status = ERROR_CODES[code];
  }
}

/** Shorthand for a 400 naming one field. */
export function fieldError(path: string, code: string, params: Record<string, unknown> = {}): AppError {
  return new AppError('validation_failed', [{ path, code, params }]);
}
