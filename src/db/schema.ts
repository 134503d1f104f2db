// Drizzle schema: the single source of table types. Constraints that Drizzle cannot express
// (extensions, exclusion constraints) live in custom SQL migrations beside the generated ones.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
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
