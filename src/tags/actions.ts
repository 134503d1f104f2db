// SPEC U9/U10: account tags, tags on user records, and per-service rules. Tags are internal: nothing here
// is ever shown on the public side except a banned tag's own message.
import { and, eq, inArray } from 'drizzle-orm';
import { requireRole } from '../accounts/actions/manage-organisation.ts';
import type { StaffContext } from '../context.ts';
import { sqlStateOf } from '../db/client.ts';
import { services, serviceTagRules, tags, userHistory, userTags } from '../db/schema.ts';
import { AppError, fieldError } from '../errors.ts';
import { loadScope, loadVisibleUser } from '../users/visibility.ts';

export type TagInput = {
  label: string;
  type: 'normal' | 'banned';
  icon?: string;
  color?: string;
  bannedMessageFr?: string | null;
  bannedMessageEn?: string | null;
};

function requireAccountAdmin(ctx: StaffContext, accountId: string) {
  if (accountId !== ctx.actor.accountId) throw new AppError('not_visible');
  if (![...ctx.actor.roles.values()].includes('admin')) throw new AppError('forbidden');
}

export async function saveTag(ctx: StaffContext, accountId: string, input: TagInput, tagId?: string) {
  requireAccountAdmin(ctx, accountId);
  const values = {
    label: input.label.trim(),
    type: input.type,
    icon: input.icon ?? 'tag',
    color: input.color ?? '#495057',
    bannedMessageFr: input.type === 'banned' ? input.bannedMessageFr?.trim() || null : null,
    bannedMessageEn: input.type === 'banned' ? input.bannedMessageEn?.trim() || null : null,
  };
  try {
    const [row] = tagId
      ? await ctx.db
          .update(tags)
          .set(values)
          .where(and(eq(tags.id, tagId), eq(tags.accountId, accountId)))
          .returning()
      : await ctx.db
          .insert(tags)
          .values({ ...values, accountId })
          .returning();
    if (!row) throw new AppError('not_found');
    return row;
  } catch (error) {
    if (sqlStateOf(error) === '23505')
      throw new AppError('conflict', [{ path: 'label', code: 'already_used' }]);
    throw error;
  }
}

export async function deleteTag(ctx: StaffContext, accountId: string, tagId: string) {
  requireAccountAdmin(ctx, accountId);
  const removed = await ctx.db
    .delete(tags)
    .where(and(eq(tags.id, tagId), eq(tags.accountId, accountId)))
    .returning();
  if (!removed.length) throw new AppError('not_found');
}

/** Replaces the tags of a user record; the change is written to the record's history. */
export async function setUserTags(
  ctx: StaffContext,
  organisationId: string,
  userId: string,
  tagIds: string[],
) {
  const scope = await loadScope(ctx.db, organisationId);
  return ctx.db.transaction(async (tx) => {
    await loadVisibleUser(tx, scope, userId, { lock: true });
    const known = tagIds.length
      ? await tx
          .select()
          .from(tags)
          .where(and(inArray(tags.id, tagIds), eq(tags.accountId, scope.accountId)))
      : [];
    if (known.length !== new Set(tagIds).size) throw fieldError('tagIds', 'unknown');
    const before = await tx
      .select({ tagId: userTags.tagId, label: tags.label })
      .from(userTags)
      .innerJoin(tags, eq(tags.id, userTags.tagId))
      .where(eq(userTags.userId, userId));
    await tx.delete(userTags).where(eq(userTags.userId, userId));
    if (known.length) {
      await tx
        .insert(userTags)
        .values(known.map((tag) => ({ userId, tagId: tag.id, createdByStaffId: ctx.actor.staffId })));
    }
    const labels = (rows: { label: string }[]) => rows.map((r) => r.label).sort();
    if (labels(before).join() !== labels(known).join()) {
      await tx.insert(userHistory).values({
        userId,
        action: 'updated',
        actorStaffId: ctx.actor.staffId,
        changes: [{ field: 'tags', from: labels(before), to: labels(known) }],
      });
    }
    return known;
  });
}

export async function setServiceTagRules(
  ctx: StaffContext,
  organisationId: string,
  serviceId: string,
  tagIds: string[],
) {
  requireRole(ctx, organisationId, 'admin');
  return ctx.db.transaction(async (tx) => {
    const [service] = await tx
      .select()
      .from(services)
      .where(and(eq(services.id, serviceId), eq(services.organisationId, organisationId)));
    if (!service) throw new AppError('not_found');
    const known = tagIds.length
      ? await tx
          .select()
          .from(tags)
          .where(and(inArray(tags.id, tagIds), eq(tags.accountId, ctx.actor.accountId)))
      : [];
    if (known.length !== new Set(tagIds).size) throw fieldError('tagIds', 'unknown');
    await tx.delete(serviceTagRules).where(eq(serviceTagRules.serviceId, serviceId));
    if (known.length)
      await tx.insert(serviceTagRules).values(known.map((tag) => ({ serviceId, tagId: tag.id })));
    return known.map((tag) => tag.id);
  });
}
