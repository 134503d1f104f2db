// U1, U3, U4, U6: create and edit user records. Input is normalised (E.164 phones, lower-case emails);
// every change is written to the record's history in the same transaction.
import { and, eq, ne } from 'drizzle-orm';
import type { StaffContext } from '../../context.ts';
import { type FieldChange, type Language, userHistory, userOrganisations, users } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { defaultCountryFor, normaliseBirthDate, normaliseEmail, normalisePhone } from '../contact.ts';
import { findDuplicateSuggestions } from '../queries.ts';
import { EDITABLE_FIELDS, PREFERENCE_FIELDS, type UserRow } from '../record.ts';
import { loadScope, loadVisibleUser, type VisibilityScope, visibleUsers } from '../visibility.ts';

export type UserInput = {
  firstName?: string;
  lastName?: string;
  birthDate?: string | null;
  email?: string | null;
  mobilePhone?: string | null;
  otherPhone?: string | null;
  address?: string | null;
  language?: Language;
  notes?: string | null;
  notifyByEmail?: boolean;
  notifyBySms?: boolean;
};

function normaliseInput(scope: VisibilityScope, input: UserInput): UserInput {
  const country = defaultCountryFor(scope.organisation);
  const out: UserInput = { ...input };
  if (input.firstName !== undefined) out.firstName = input.firstName.trim();
  if (input.lastName !== undefined) out.lastName = input.lastName.trim();
  if (input.email !== undefined) out.email = normaliseEmail(input.email, 'email');
  if (input.mobilePhone !== undefined)
    out.mobilePhone = normalisePhone(input.mobilePhone, country, 'mobilePhone', 'mobile');
  if (input.otherPhone !== undefined)
    out.otherPhone = normalisePhone(input.otherPhone, country, 'otherPhone', 'any');
  if (input.birthDate !== undefined) out.birthDate = normaliseBirthDate(input.birthDate);
  for (const key of ['address', 'notes'] as const) {
    if (input[key] !== undefined) out[key] = input[key]?.trim() || null;
  }
  if (out.firstName === '')
    throw new AppError('validation_failed', [{ path: 'firstName', code: 'required' }]);
  if (out.lastName === '') throw new AppError('validation_failed', [{ path: 'lastName', code: 'required' }]);
  return out;
}

/** U6: other visible records using the same email (a warning with links, never a silent refusal). */
async function findEmailInUse(
  ctx: StaffContext,
  scope: VisibilityScope,
  email: string | null | undefined,
  selfId?: string,
) {
  if (!email) return [];
  return ctx.db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(and(eq(users.email, email), visibleUsers(scope), selfId ? ne(users.id, selfId) : undefined))
    .limit(5);
}

export async function createUser(
  ctx: StaffContext,
  organisationId: string,
  input: UserInput & { firstName: string; lastName: string },
) {
  const scope = await loadScope(ctx.db, organisationId);
  const values = normaliseInput(scope, input);
  const user = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        accountId: scope.accountId,
        firstName: values.firstName!,
        lastName: values.lastName!,
        birthDate: values.birthDate ?? null,
        email: values.email ?? null,
        mobilePhone: values.mobilePhone ?? null,
        otherPhone: values.otherPhone ?? null,
        address: values.address ?? null,
        language: values.language ?? scope.organisation.defaultLanguage,
        notes: values.notes ?? null,
        notifyByEmail: values.notifyByEmail ?? true,
        notifyBySms: values.notifyBySms ?? true,
        createdByStaffId: ctx.actor.staffId,
      })
      .returning();
    await tx.insert(userOrganisations).values({ userId: created!.id, organisationId });
    const changes: FieldChange[] = EDITABLE_FIELDS.filter((field) => created![field] !== null).map(
      (field) => ({
        field,
        from: null,
        to: created![field],
      }),
    );
    await tx.insert(userHistory).values({
      userId: created!.id,
      action: 'created',
      actorStaffId: ctx.actor.staffId,
      changes,
      details: { organisationId },
    });
    return created!;
  });
  const [emailInUse, duplicates] = await Promise.all([
    findEmailInUse(ctx, scope, user.email, user.id),
    findDuplicateSuggestions(ctx.db, scope, { ...user, excludeId: user.id }),
  ]);
  return { user, emailInUse, duplicates };
}

export async function updateUser(
  ctx: StaffContext,
  organisationId: string,
  userId: string,
  input: UserInput,
) {
  const scope = await loadScope(ctx.db, organisationId);
  const values = normaliseInput(scope, input);
  const user = await ctx.db.transaction(async (tx) => {
    const current = await loadVisibleUser(tx, scope, userId, { lock: true });
    const changes = diff(current, values);
    const prefsChanged = changes.filter((change) => PREFERENCE_FIELDS.includes(change.field as never));
    if (prefsChanged.length && current.preferencesSetByUserAt) {
      throw new AppError(
        'prefs_locked',
        prefsChanged.map((change) => ({ path: change.field, code: 'prefs_locked' })),
      );
    }
    if (!changes.length) return current;
    const patch = Object.fromEntries(changes.map((change) => [change.field, change.to]));
    const [updated] = await tx
      .update(users)
      .set({ ...patch, version: current.version + 1, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning();
    await tx.insert(userHistory).values({
      userId,
      action: prefsChanged.length === changes.length ? 'preferences_changed' : 'updated',
      actorStaffId: ctx.actor.staffId,
      changes,
    });
    return updated!;
  });
  const emailInUse = input.email !== undefined ? await findEmailInUse(ctx, scope, user.email, user.id) : [];
  return { user, emailInUse };
}

function diff(current: UserRow, values: UserInput): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of EDITABLE_FIELDS) {
    const next = values[field];
    if (next === undefined) continue;
    const before = current[field] ?? null;
    if (before !== (next ?? null)) changes.push({ field, from: before, to: next ?? null });
  }
  return changes;
}
