// Drizzle schema: the single source of table types. Constraints that Drizzle cannot express
// (extensions, exclusion constraints) live in custom SQL migrations beside the generated ones.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
    totpSecret: text('totp_secret'),
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
    index('users_sort_idx').on(t.accountId, t.sortName, t.id),
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
  },
  (t) => [index('user_history_user_idx').on(t.userId, t.at)],
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
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('portal_accounts_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('portal_accounts_user_key').on(t.userId),
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
    status: text('status').notNull().default('sent'),
    /** One message per cause: a retried job cannot deliver twice (N4). */
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('outbox_messages_idempotency_key').on(t.idempotencyKey),
    index('outbox_messages_org_idx').on(t.organisationId, t.createdAt),
    check('outbox_messages_channel_check', sql`${t.channel} in ('email', 'sms')`),
  ],
);
