// Drizzle schema: the single source of table types. Constraints that Drizzle cannot express
// (extensions, exclusion constraints) live in custom SQL migrations beside the generated ones.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const STAFF_ROLES = ['admin', 'agent', 'provider'] as const;
export type ReminderRule =
  | { type: 'days_before_at'; days: number; time: string }
  | { type: 'minutes_before'; minutes: number };
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A network (health region, franchise): holds organisations and account-wide settings. */
export const accounts = pgTable('accounts', {
  id: id(),
  name: text('name').notNull(),
  /** SPEC U2: when on, user records are visible to the staff of every organisation of the account. */
  usersVisibleAcrossOrganisations: boolean('users_visible_across_organisations').notNull().default(false),
  createdAt: createdAt(),
});

/** A clinic or site. */
export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    defaultLanguage: text('default_language').$type<Language>().notNull().default('fr'),
    phone: text('phone'),
    address: text('address'),
    /** N2: when reminders go out; default "two days before at 09:00" in the organisation's time zone. */
    reminderRules: jsonb('reminder_rules')
      .$type<ReminderRule[]>()
      .notNull()
      .default([{ type: 'days_before_at', days: 2, time: '09:00' }]),
    /** P4: the user may cancel online up to this many minutes before the appointment. */
    cancellationCutoffMinutes: integer('cancellation_cutoff_minutes').notNull().default(240),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('organisations_slug_key').on(t.slug),
    index('organisations_account_idx').on(t.accountId),
    check('organisations_language_check', sql`${t.defaultLanguage} in ('fr', 'en')`),
    check('organisations_slug_check', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{1,62}$'`),
  ],
);

export const locations = pgTable(
  'locations',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    address: text('address'),
    createdAt: createdAt(),
  },
  (t) => [index('locations_organisation_idx').on(t.organisationId)],
);

/** A person who works in one or more organisations of an account. */
export const staff = pgTable(
  'staff',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    language: text('language').$type<Language>().notNull().default('fr'),
    /** Mobile phone in E.164 for staff SMS notifications (N3). */
    mobilePhone: text('mobile_phone'),
    /** A1: the confirmed TOTP secret (base32); set = sign-in asks for a second factor. */
    totpSecret: text('totp_secret'),
    /** A1: a secret being set up, not yet proven by a code from the app. */
    totpPendingSecret: text('totp_pending_secret'),
    /** A1: the last 30-second step accepted, so a code cannot be used twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('staff_email_key').on(sql`lower(${t.email})`),
    check('staff_language_check', sql`${t.language} in ('fr', 'en')`),
  ],
);

/** The role a staff member holds in one organisation (one role per organisation). */
export const staffMemberships = pgTable(
  'staff_memberships',
  {
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role').$type<StaffRole>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.staffId, t.organisationId] }),
    index('staff_memberships_organisation_idx').on(t.organisationId),
    check('staff_memberships_role_check', sql`${t.role} in ('admin', 'agent', 'provider')`),
  ],
);

/** Server-side sessions; the cookie carries a random token, the table keeps only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_staff_idx').on(t.staffId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * SPEC A1: single-use, one-hour links that let a staff member choose a new password ("Forgot your password?"
 * or sent by an admin). Only the token's SHA-256 is kept; the newest link of a staff member is the only one
 * that works.
 */
export const staffPasswordResets = pgTable(
  'staff_password_resets',
  {
    id: id(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    /** The organisation the message comes from (one of the staff member's). */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** The admin who sent the link; null when the staff member asked for it. */
    createdByStaffId: uuid('created_by_staff_id').references(() => staff.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('staff_password_resets_token_key').on(t.tokenHash),
    index('staff_password_resets_staff_idx').on(t.staffId, t.createdAt),
  ],
);

/** A1: single-use recovery codes of a staff member's second factor, stored as hashes. */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: id(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_recovery_codes_key').on(t.staffId, t.codeHash)],
);

/**
 * SPEC A7: a staff member's private iCalendar feed of their schedule (subscribed to from Google, Outlook or
 * Apple Calendar). Only the token's hash is kept; replacing the link makes the old one stop working.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    staffId: uuid('staff_id')
      .primaryKey()
      .references(() => staff.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('calendar_feeds_token_key').on(t.tokenHash)],
);

/** SPEC U1: a user (patient/client) record, kept by staff; belongs to an account, linked to organisations. */
export const users = pgTable(
  'users',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    /** Normalised: trimmed and lower-case. */
    email: text('email'),
    /** E.164 */
    mobilePhone: text('mobile_phone'),
    /** E.164 */
    otherPhone: text('other_phone'),
    address: text('address'),
    language: text('language').$type<Language>().notNull().default('fr'),
    notes: text('notes'),
    notifyByEmail: boolean('notify_by_email').notNull().default(true),
    notifyBySms: boolean('notify_by_sms').notNull().default(true),
    /** SPEC U4: set when the user changes their preferences in the portal; staff then see them read-only. */
    preferencesSetByUserAt: timestamp('preferences_set_by_user_at', { withTimezone: true }),
    /** SPEC U7: set on the record that disappeared in a merge. */
    mergedIntoId: uuid('merged_into_id'),
    /** Optimistic concurrency: bumped by every change, checked by merges. */
    version: integer('version').notNull().default(1),
    createdByStaffId: uuid('created_by_staff_id').references(() => staff.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Accent- and case-insensitive "first last", for trigram search (U8). */
    searchName: text('search_name').generatedAlwaysAs(
      sql`immutable_unaccent(lower(first_name || ' ' || last_name))`,
    ),
    /** "last first", accent- and case-insensitive: the list order. */
    sortName: text('sort_name').generatedAlwaysAs(
      sql`immutable_unaccent(lower(last_name || ' ' || first_name))`,
    ),
  },
  (t) => [
    index('users_search_name_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
    // Covers the type-ahead walk in list order (filters read from the index, no heap visits).
    index('users_sort_idx').on(t.accountId, t.sortName, t.id, t.searchName, t.mergedIntoId),
    index('users_email_idx').on(t.email.op('text_pattern_ops')),
    index('users_mobile_idx').on(t.mobilePhone),
    index('users_other_phone_idx').on(t.otherPhone),
    index('users_birth_date_idx').on(t.birthDate),
    check('users_language_check', sql`${t.language} in ('fr', 'en')`),
  ],
);

/** Which organisations a user record is attached to (U1, U2). */
export const userOrganisations = pgTable(
  'user_organisations',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId] }),
    index('user_organisations_org_idx').on(t.organisationId, t.userId),
  ],
);

export const USER_HISTORY_ACTIONS = [
  'created',
  'updated',
  'preferences_changed',
  'invited',
  'portal_account_created',
  'email_verified',
  'email_change_requested',
  'password_reset',
  'merged_from',
  'merged_into',
] as const;
export type UserHistoryAction = (typeof USER_HISTORY_ACTIONS)[number];
export type FieldChange = { field: string; from: unknown; to: unknown };

/** SPEC U3: append-only history of a user record (who, when, what). */
export const userHistory = pgTable(
  'user_history',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    action: text('action').$type<UserHistoryAction>().notNull(),
    actorStaffId: uuid('actor_staff_id').references(() => staff.id, { onDelete: 'set null' }),
    /** True when the user acted in their own portal space. */
    actorIsUser: boolean('actor_is_user').notNull().default(false),
    changes: jsonb('changes').$type<FieldChange[]>().notNull().default([]),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Insertion order: several entries of one transaction share `at`. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [index('user_history_user_idx').on(t.userId, t.seq)],
);

/** SPEC A4: every read of a full user record by staff. */
export const userAudit = pgTable(
  'user_audit',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('user_audit_user_idx').on(t.userId, t.at),
    index('user_audit_org_idx').on(t.organisationId, t.at),
  ],
);

/** SPEC U5/U6: the portal account of a user record; emails are unique case-insensitively. */
export const portalAccounts = pgTable(
  'portal_accounts',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** P4: `sign_up` accounts may not sign in until their email is verified; invited ones (U5) may. */
    source: text('source').$type<'invitation' | 'sign_up'>().notNull().default('invitation'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('portal_accounts_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('portal_accounts_user_key').on(t.userId),
    check('portal_accounts_source_check', sql`${t.source} in ('invitation', 'sign_up')`),
  ],
);

/**
 * SPEC P4: single-use, expiring links that prove an address — the one of a new account (`sign_up`), the
 * new address of an account (`email_change`, which replaces the old one only once proven), or the
 * account's address when its password is forgotten (`password_reset`). Hash only.
 */
export const portalEmailVerifications = pgTable(
  'portal_email_verifications',
  {
    id: id(),
    portalAccountId: uuid('portal_account_id')
      .notNull()
      .references(() => portalAccounts.id, { onDelete: 'cascade' }),
    /** The organisation the message comes from (where the person signed up, or one of their record's). */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The address this link proves (normalised). */
    email: text('email').notNull(),
    purpose: text('purpose').$type<'sign_up' | 'email_change' | 'password_reset'>().notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('portal_email_verifications_token_key').on(t.tokenHash),
    index('portal_email_verifications_account_idx').on(t.portalAccountId, t.createdAt),
    check(
      'portal_email_verifications_purpose_check',
      sql`${t.purpose} in ('sign_up', 'email_change', 'password_reset')`,
    ),
  ],
);

/** SPEC U5: single-use, expiring invitation to create a portal account; only the token's hash is kept. */
export const userInvitations = pgTable(
  'user_invitations',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    channel: text('channel').$type<'email' | 'sms'>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdByStaffId: uuid('created_by_staff_id').references(() => staff.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('user_invitations_token_key').on(t.tokenHash),
    index('user_invitations_user_idx').on(t.userId),
    check('user_invitations_channel_check', sql`${t.channel} in ('email', 'sms')`),
  ],
);

/** SPEC N1: the built-in outbox — every message the installation would have sent, readable by staff. */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    channel: text('channel').$type<'email' | 'sms'>().notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html'),
    /** sending → sent (handed to the channel) → delivered | failed (provider callback or final error). */
    status: text('status').$type<'sending' | 'sent' | 'delivered' | 'failed'>().notNull().default('sending'),
    /** One message per cause: a retried job cannot deliver twice (N4). */
    idempotencyKey: text('idempotency_key').notNull(),
    appointmentId: uuid('appointment_id'),
    /** Which transport carried it: the built-in outbox, SMTP or the SMS provider. */
    transport: text('transport').notNull().default('outbox'),
    providerMessageId: text('provider_message_id'),
    /** iCalendar attachment of an email (N2). */
    ics: text('ics'),
    icsMethod: text('ics_method'),
    /** SMS: number of segments (GSM-7 or UCS-2). */
    segments: integer('segments'),
    error: text('error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('outbox_messages_idempotency_key').on(t.idempotencyKey),
    index('outbox_messages_org_idx').on(t.organisationId, t.createdAt),
    index('outbox_messages_user_idx').on(t.userId, t.createdAt),
    index('outbox_messages_provider_id_idx').on(t.providerMessageId),
    check('outbox_messages_channel_check', sql`${t.channel} in ('email', 'sms')`),
  ],
);

/** SPEC S1: a service (motif) of an organisation. */
export const services = pgTable(
  'services',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    isVideo: boolean('is_video').notNull().default(false),
    bookableOnline: boolean('bookable_online').notNull().default(true),
    /** 1 = individual; more = group appointment with that many places. */
    capacity: integer('capacity').notNull().default(1),
    minNoticeMinutes: integer('min_notice_minutes').notNull().default(0),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    /** SPEC S11: a person may hold only one upcoming appointment of this service. */
    oneUpcomingPerUser: boolean('one_upcoming_per_user').notNull().default(false),
    color: text('color').notNull().default('#1c7ed6'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('services_organisation_idx').on(t.organisationId),
    check('services_duration_check', sql`${t.durationMinutes} between 5 and 1440`),
    check('services_capacity_check', sql`${t.capacity} between 1 and 500`),
    check(
      'services_minutes_check',
      sql`${t.minNoticeMinutes} >= 0 and ${t.bufferBeforeMinutes} between 0 and 240 and ${t.bufferAfterMinutes} between 0 and 240`,
    ),
  ],
);

export const serviceLocations = pgTable(
  'service_locations',
  {
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.locationId] })],
);

/** SPEC S2: weekly opening hours of a provider (wall-clock times in the organisation's time zone). */
export const availabilityRules = pgTable(
  'availability_rules',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id').references(() => locations.id, { onDelete: 'cascade' }),
    weekday: integer('weekday').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    /** null = every service of the organisation. */
    serviceIds: uuid('service_ids').array(),
    validFrom: date('valid_from', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('availability_rules_provider_idx').on(t.providerId, t.organisationId),
    check('availability_rules_weekday_check', sql`${t.weekday} between 1 and 7`),
    check(
      'availability_rules_time_check',
      sql`${t.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and (${t.endTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' or ${t.endTime} = '24:00') and ${t.startTime} < ${t.endTime}`,
    ),
  ],
);

/** SPEC S2: dated exceptions: extra hours, or hours (or a whole day) removed. */
export const availabilityExceptions = pgTable(
  'availability_exceptions',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').$type<'extra' | 'removed'>().notNull(),
    startTime: text('start_time'),
    endTime: text('end_time'),
    locationId: uuid('location_id').references(() => locations.id, { onDelete: 'cascade' }),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('availability_exceptions_provider_idx').on(t.providerId, t.date),
    check('availability_exceptions_kind_check', sql`${t.kind} in ('extra', 'removed')`),
    check(
      'availability_exceptions_times_check',
      sql`(${t.startTime} is null and ${t.endTime} is null and ${t.kind} = 'removed') or (${t.startTime} < ${t.endTime})`,
    ),
  ],
);

/** SPEC S2: absences and holidays of a provider. */
export const absences = pgTable(
  'absences',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    reason: text('reason'),
    createdByStaffId: uuid('created_by_staff_id').references(() => staff.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('absences_provider_idx').on(t.providerId, t.startsAt),
    check('absences_period_check', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

/** SPEC S5: a red lock on a provider's time: never offered publicly; staff may still book it. */
export const slotLocks = pgTable(
  'slot_locks',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    reason: text('reason'),
    /** The cancelled appointment whose freed slot this lock covers (F4), if any. */
    appointmentId: uuid('appointment_id'),
    createdByStaffId: uuid('created_by_staff_id').references(() => staff.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('slot_locks_provider_idx').on(t.providerId, t.startsAt),
    check('slot_locks_period_check', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

export const APPOINTMENT_STATES = ['held', 'booked', 'cancelled'] as const;
export type AppointmentState = (typeof APPOINTMENT_STATES)[number];

/**
 * SPEC S4/S10: one row per occupied time of a provider (an individual appointment, a group session, or a
 * live hold). The exclusion constraint `appointments_no_overlap` (migration 0004) forbids two non-cancelled
 * rows of one provider whose busy periods (with buffers) overlap.
 */
export const appointments = pgTable(
  'appointments',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'restrict' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'restrict' }),
    locationId: uuid('location_id').references(() => locations.id, { onDelete: 'set null' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    busyStartsAt: timestamp('busy_starts_at', { withTimezone: true }).notNull(),
    busyEndsAt: timestamp('busy_ends_at', { withTimezone: true }).notNull(),
    state: text('state').$type<AppointmentState>().notNull(),
    capacity: integer('capacity').notNull().default(1),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    holdTokenHash: text('hold_token_hash'),
    source: text('source').$type<'staff' | 'portal' | 'api'>().notNull().default('staff'),
    /** iCalendar SEQUENCE: bumped on every move or cancellation. */
    sequence: integer('sequence').notNull().default(0),
    createdByStaffId: uuid('created_by_staff_id').references(() => staff.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    index('appointments_provider_time_idx').on(t.providerId, t.startsAt),
    index('appointments_organisation_time_idx').on(t.organisationId, t.startsAt),
    check('appointments_state_check', sql`${t.state} in ('held', 'booked', 'cancelled')`),
    check(
      'appointments_period_check',
      sql`${t.startsAt} < ${t.endsAt} and ${t.busyStartsAt} <= ${t.startsAt} and ${t.busyEndsAt} >= ${t.endsAt}`,
    ),
    check('appointments_hold_check', sql`${t.state} <> 'held' or ${t.holdExpiresAt} is not null`),
  ],
);

/** PostgreSQL's tstzmultirange, read and written as its text form (only SQL touches it). */
const tstzMultirange = customType<{ data: string }>({ dataType: () => 'tstzmultirange' });

/**
 * SPEC S3 performance (issue #5): each provider's busy time per UTC day, kept by the trigger of migration
 * 0012 in the same transaction as every change to a booked individual appointment (the day is the one its
 * busy period starts on). The exclusion constraint keeps those appointments apart, so adding and removing
 * ranges is exact. Slot search reads a month of a provider here in ~30 rows instead of ~500 appointments.
 * Holds and group sessions are not in it: holds expire by themselves, group sessions may have room.
 */
export const providerBusyDays = pgTable(
  'provider_busy_days',
  {
    providerId: uuid('provider_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    busy: tstzMultirange('busy').notNull(),
    /** The same periods as "start,end,…" in minutes since the epoch, rounded outwards: what the search parses. */
    busyMinutes: text('busy_minutes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.day] })],
);

export const PARTICIPANT_STATUSES = [
  'held',
  'scheduled',
  'present',
  'absent',
  'not_eligible',
  'cancelled',
] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** SPEC S6: a person in an appointment, with their own status (the *User Status* column). */
export const participants = pgTable(
  'appointment_participants',
  {
    id: id(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    /** null only while a group place is held on the portal. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'restrict' }),
    status: text('status').$type<ParticipantStatus>().notNull(),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    holdTokenHash: text('hold_token_hash'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('participants_appointment_idx').on(t.appointmentId),
    index('participants_user_idx').on(t.userId),
    uniqueIndex('participants_one_live_per_user')
      .on(t.appointmentId, t.userId)
      .where(sql`${t.status} <> 'cancelled' and ${t.userId} is not null`),
    check(
      'participants_status_check',
      sql`${t.status} in ('held', 'scheduled', 'present', 'absent', 'not_eligible', 'cancelled')`,
    ),
    check('participants_user_check', sql`${t.userId} is not null or ${t.status} = 'held'`),
  ],
);

/** SPEC S7: append-only log of everything that happened to an appointment. */
export const appointmentHistory = pgTable(
  'appointment_history',
  {
    id: id(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id'),
    action: text('action').notNull(),
    actorStaffId: uuid('actor_staff_id').references(() => staff.id, { onDelete: 'set null' }),
    actorIsUser: boolean('actor_is_user').notNull().default(false),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Insertion order: several entries of one transaction share `at`. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [index('appointment_history_appointment_idx').on(t.appointmentId, t.seq)],
);

export const STAFF_EVENTS = [
  'appointment_created',
  'appointment_cancelled',
  'invited_to_meeting',
  'invitee_declined',
] as const;
export type StaffEvent = (typeof STAFF_EVENTS)[number];

export const MEETING_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type MeetingFrequency = (typeof MEETING_FREQUENCIES)[number];
export const INVITATION_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** SPEC V4: a recurring series of video meetings (daily/weekly/monthly, until a date or N times). */
export const meetingSeries = pgTable(
  'meeting_series',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    frequency: text('frequency').$type<MeetingFrequency>().notNull(),
    /** How many occurrences were asked for, or the last local date (one of the two). */
    count: integer('count'),
    untilDate: date('until_date', { mode: 'string' }),
    createdByStaffId: uuid('created_by_staff_id').references(() => staff.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    check('meeting_series_frequency_check', sql`${t.frequency} in ('daily', 'weekly', 'monthly')`),
    check('meeting_series_end_check', sql`(${t.count} is null) <> (${t.untilDate} is null)`),
  ],
);

/**
 * SPEC V1: a video meeting is an appointment (its host is the appointment's provider, so the host's time is
 * under the same no-overlap constraint as any booking) with a link, a meeting ID and a passcode.
 */
export const meetings = pgTable(
  'meetings',
  {
    appointmentId: uuid('appointment_id')
      .primaryKey()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    seriesId: uuid('series_id').references(() => meetingSeries.id, { onDelete: 'set null' }),
    title: text('title'),
    /** Ten digits, shown as "123 456 7890". */
    meetingCode: text('meeting_code').notNull(),
    passcode: text('passcode').notNull(),
    joinUrl: text('join_url').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('meetings_code_key').on(t.meetingCode),
    index('meetings_series_idx').on(t.seriesId),
    index('meetings_organisation_idx').on(t.organisationId),
  ],
);

/** SPEC V3: a provider invited to another host's meeting, and their answer. */
export const meetingInvitations = pgTable(
  'meeting_invitations',
  {
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => meetings.appointmentId, { onDelete: 'cascade' }),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    status: text('status').$type<InvitationStatus>().notNull().default('pending'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.appointmentId, t.staffId] }),
    index('meeting_invitations_staff_idx').on(t.staffId),
    check('meeting_invitations_status_check', sql`${t.status} in ('pending', 'accepted', 'declined')`),
  ],
);

/** SPEC N3: per staff member and event, which channels notify them (Account › Notifications). */
export const staffNotificationSettings = pgTable(
  'staff_notification_settings',
  {
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    event: text('event').$type<StaffEvent>().notNull(),
    email: boolean('email').notNull().default(false),
    sms: boolean('sms').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.staffId, t.event] }),
    check(
      'staff_notification_settings_event_check',
      sql`${t.event} in ('appointment_created', 'appointment_cancelled', 'invited_to_meeting', 'invitee_declined')`,
    ),
  ],
);

/** Messages to staff (N3) land in the same outbox; this records them. */
export const staffOutbox = pgTable(
  'staff_outbox_messages',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    channel: text('channel').$type<'email' | 'sms'>().notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    bodyText: text('body_text').notNull(),
    /** The HTML part of an email (account messages such as a password-reset link, A1). */
    bodyHtml: text('body_html'),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('staff_outbox_idempotency_key').on(t.idempotencyKey),
    index('staff_outbox_org_idx').on(t.organisationId, t.createdAt),
  ],
);

/** SPEC U9: tags of an account. A `banned` tag refuses online booking with its message (P2). */
export const tags = pgTable(
  'tags',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    type: text('type').$type<'normal' | 'banned'>().notNull().default('normal'),
    icon: text('icon').notNull().default('tag'),
    color: text('color').notNull().default('#495057'),
    bannedMessageFr: text('banned_message_fr'),
    bannedMessageEn: text('banned_message_en'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('tags_account_label_key').on(t.accountId, sql`lower(${t.label})`),
    check('tags_type_check', sql`${t.type} in ('normal', 'banned')`),
  ],
);

export const userTags = pgTable(
  'user_tags',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    createdByStaffId: uuid('created_by_staff_id').references(() => staff.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tagId] }), index('user_tags_tag_idx').on(t.tagId)],
);

/** SPEC U10: "when the client has tag X → make this service unavailable" (online booking only). */
export const serviceTagRules = pgTable(
  'service_tag_rules',
  {
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.tagId] })],
);

/** SPEC P4: sessions of portal accounts (the public user space), apart from staff sessions. */
export const portalSessions = pgTable(
  'portal_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    portalAccountId: uuid('portal_account_id')
      .notNull()
      .references(() => portalAccounts.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('portal_sessions_account_idx').on(t.portalAccountId)],
);
