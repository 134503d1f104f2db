// Read models of tags, and the booking gate of the portal (P2/P3).
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import type { Language } from '../db/schema.ts';
import { services, serviceTagRules, tags, userTags } from '../db/schema.ts';
import { AppError } from '../errors.ts';

export function listTags(db: DbOrTx, accountId: string) {
  return db.select().from(tags).where(eq(tags.accountId, accountId)).orderBy(asc(tags.label));
}

export async function tagsOfUsers(db: DbOrTx, userIds: string[]) {
  if (!userIds.length) return [];
  return db
    .select({
      userId: userTags.userId,
      id: tags.id,
      label: tags.label,
      type: tags.type,
      icon: tags.icon,
      color: tags.color,
    })
    .from(userTags)
    .innerJoin(tags, eq(tags.id, userTags.tagId))
    .where(inArray(userTags.userId, userIds))
    .orderBy(asc(tags.label));
}

export async function serviceRules(db: DbOrTx, organisationId: string, serviceId: string) {
  const rows = await db
    .select({ tagId: serviceTagRules.tagId })
    .from(serviceTagRules)
    .innerJoin(services, eq(services.id, serviceTagRules.serviceId))
    .where(and(eq(serviceTagRules.serviceId, serviceId), eq(services.organisationId, organisationId)));
  return rows.map((r) => r.tagId);
}

/**
 * P2/P3: refuses online booking for a client carrying a banned tag, or a tag that a rule of this service
 * names, with that tag's message in the client's language or the neutral default. The refusal has the
 * same code, status and shape as any other unavailability (`not_available`), so it reveals nothing.
 */
export async function assertMayBookOnline(db: DbOrTx, userId: string, serviceId: string, language: Language) {
  const [blocking] = await db
    .select({ fr: tags.bannedMessageFr, en: tags.bannedMessageEn })
    .from(userTags)
    .innerJoin(tags, eq(tags.id, userTags.tagId))
    .leftJoin(
      serviceTagRules,
      and(eq(serviceTagRules.tagId, tags.id), eq(serviceTagRules.serviceId, serviceId)),
    )
    .where(
      and(eq(userTags.userId, userId), or(eq(tags.type, 'banned'), eq(serviceTagRules.serviceId, serviceId))),
    )
    .orderBy(asc(tags.label))
    .limit(1);
  if (!blocking) return;
  const message = language === 'fr' ? blocking.fr : blocking.en;
  throw notAvailable(message ?? undefined);
}

/** The one "not available" refusal of the portal; `message` replaces the default text when given. */
export function notAvailable(message?: string): AppError {
  return new AppError('not_available', [], message ? { customMessage: message } : {});
}
