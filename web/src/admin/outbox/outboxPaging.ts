// N1: the outbox pages newest first by `before` (createdAt). Timestamps come back at millisecond precision
// while the database keeps microseconds, so the next page starts 1 ms after the last one shown and the
// overlap is removed by id — no message is skipped when several share a millisecond.
import type { ResponseBody } from '../../api/client';

export type OutboxMessage = ResponseBody<'/api/v1/orgs/{orgId}/outbox', 'get'>[number];

export const OUTBOX_PAGE_SIZE = 50;

/** The `before` of the page after `messages` (undefined for the first page). */
export function nextBefore(messages: readonly OutboxMessage[]): string | undefined {
  const last = messages.at(-1);
  if (!last) return undefined;
  return new Date(Date.parse(last.createdAt) + 1).toISOString();
}

/** Appends a page, without the messages already shown. */
export function appendPage(shown: readonly OutboxMessage[], page: readonly OutboxMessage[]): OutboxMessage[] {
  const ids = new Set(shown.map((message) => message.id));
  return [...shown, ...page.filter((message) => !ids.has(message.id))];
}

/** The first words of a text message for the list (the drawer shows it all). */
export function excerpt(text: string, length = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}
