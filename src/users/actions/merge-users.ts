// U7: merge two user records. Both rows are locked (in id order, so two merges cannot deadlock), their
// versions must match what the staff member compared (an edit in between → record_changed, nothing lost),
// the chosen values land on the kept record, every related row moves to it, the merge is written to both
// histories, and the dropped record disappears (its id then answers 410 with the kept id).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { StaffContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import {
  type FieldChange,
  outboxMessages,
  participants,
  portalAccounts,
  userAudit,
  userHistory,
  userInvitations,
  userOrganisations,
  users,
  userTags,
} from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { EDITABLE_FIELDS, type EditableField, type UserRow } from '../record.ts';
import { loadScope, loadVisibleUser } from '../visibility.ts';

/** Tables whose `user_id` simply follows the kept record. Later areas (appointments, tags) add theirs. */
const FOLLOWING_TABLES = [userHistory, userInvitations, userAudit, outboxMessages, participants] as const;

export type MergeInput = {
  keepId: string;
  dropId: string;
  /** Per field: take the value of the kept record (default) or of the dropped one. */
  choices: Partial<Record<EditableField, 'keep' | 'drop'>>;
  versions: { keep: number; drop: number };
};

export async function mergeUsers(ctx: StaffContext, organisationId: string, input: MergeInput) {
  if (input.keepId === input.dropId)
    throw new AppError('merge_same_record', [{ path: 'dropId', code: 'invalid' }]);
  const scope = await loadScope(ctx.db, organisationId);
  return ctx.db.transaction(async (tx) => {
    const [firstId, secondId] = [input.keepId, input.dropId].sort();
    const first = await loadVisibleUser(tx, scope, firstId!, { lock: true });
    const second = await loadVisibleUser(tx, scope, secondId!, { lock: true });
    const keep = first.id === input.keepId ? first : second;
    const drop = first.id === input.keepId ? second : first;
    if (keep.version !== input.versions.keep || drop.version !== input.versions.drop) {
      throw new AppError('record_changed', [], {}, { keep: keep.version, drop: drop.version });
    }
    const changes = chosenChanges(keep, drop, input.choices);
    const patch = Object.fromEntries(changes.map((change) => [change.field, change.to]));
    if (input.choices.notifyByEmail === 'drop' || input.choices.notifyBySms === 'drop') {
      patch.preferencesSetByUserAt = drop.preferencesSetByUserAt;
    }
    await movePortalAccount(tx, keep.id, drop.id);
    await tx.execute(sql`
      insert into ${userOrganisations} (user_id, organisation_id, created_at)
      select ${keep.id}, organisation_id, created_at from ${userOrganisations} where user_id = ${drop.id}
      on conflict do nothing`);
    await tx.delete(userOrganisations).where(eq(userOrganisations.userId, drop.id));
    await tx.execute(sql`
      insert into ${userTags} (user_id, tag_id, created_by_staff_id, created_at)
      select ${keep.id}, tag_id, created_by_staff_id, created_at from ${userTags} where user_id = ${drop.id}
      on conflict do nothing`);
    await tx.delete(userTags).where(eq(userTags.userId, drop.id));
    // Both people in one group session: the kept record's place stays, the duplicate place is cancelled.
    await tx.execute(sql`
      update ${participants} set status = 'cancelled', updated_at = now()
      where user_id = ${drop.id} and status <> 'cancelled' and appointment_id in (
        select appointment_id from ${participants} where user_id = ${keep.id} and status <> 'cancelled')`);
    for (const table of FOLLOWING_TABLES) {
      await tx.update(table).set({ userId: keep.id }).where(eq(table.userId, drop.id));
    }
    // Records merged earlier into the dropped one now point straight at the kept one.
    await tx.update(users).set({ mergedIntoId: keep.id }).where(eq(users.mergedIntoId, drop.id));
    const now = new Date();
    const [kept] = await tx
      .update(users)
      .set({ ...patch, version: keep.version + 1, updatedAt: now })
      .where(eq(users.id, keep.id))
      .returning();
    await tx
      .update(users)
      .set({ mergedIntoId: keep.id, version: drop.version + 1, updatedAt: now })
      .where(eq(users.id, drop.id));
    await tx.insert(userHistory).values([
      {
        userId: keep.id,
        action: 'merged_from',
        actorStaffId: ctx.actor.staffId,
        changes,
        details: {
          otherId: drop.id,
          otherName: `${drop.firstName} ${drop.lastName}`,
          choices: input.choices,
        },
      },
      {
        userId: drop.id,
        action: 'merged_into',
        actorStaffId: ctx.actor.staffId,
        details: { otherId: keep.id, otherName: `${keep.firstName} ${keep.lastName}` },
      },
    ]);
    return kept!;
  });
}

function chosenChanges(keep: UserRow, drop: UserRow, choices: MergeInput['choices']): FieldChange[] {
  return EDITABLE_FIELDS.filter((field) => choices[field] === 'drop' && keep[field] !== drop[field]).map(
    (field) => ({
      field,
      from: keep[field],
      to: drop[field],
    }),
  );
}

/** The portal account follows the kept record; when both have one, the kept record's account stays. */
async function movePortalAccount(tx: Tx, keepId: string, dropId: string) {
  const accounts = await tx
    .select({ id: portalAccounts.id, userId: portalAccounts.userId })
    .from(portalAccounts)
    .where(inArray(portalAccounts.userId, [keepId, dropId]));
  const keepHas = accounts.some((a) => a.userId === keepId);
  const dropAccount = accounts.find((a) => a.userId === dropId);
  if (!dropAccount) return;
  if (keepHas) await tx.delete(portalAccounts).where(and(eq(portalAccounts.id, dropAccount.id)));
  else await tx.update(portalAccounts).set({ userId: keepId }).where(eq(portalAccounts.id, dropAccount.id));
}
