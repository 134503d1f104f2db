// F2–F4 as pure rules: which step of the batch-action window follows a choice, which cancellation channels
// the selection allows, the request bodies to send (past rows are never notified, N5) and the report.
import type { RequestBody, ResponseBody } from '../../api/client';
import type { FollowupRow } from './followupQuery';

export type BatchBody = RequestBody<'/api/v1/orgs/{orgId}/followup/batch', 'post'>;
export type BatchReply = ResponseBody<'/api/v1/orgs/{orgId}/followup/batch', 'post'>;
export type BatchAction = BatchBody['action'];
export type NotEligibleMode = NonNullable<BatchBody['notEligibleMode']>;
export type NotifyChannel = NonNullable<BatchBody['notify']>;
export type BatchRow = Pick<FollowupRow, 'participantId' | 'isUpcoming' | 'status' | 'user'>;

export const BATCH_ACTIONS: readonly BatchAction[] = ['present', 'absent', 'not_eligible', 'cancel'];
export const NOTIFY_CHANNELS: readonly NotifyChannel[] = ['sms', 'email', 'none'];
/** The most participant ids one request may carry (the API's limit). */
export const MAX_ROWS_PER_REQUEST = 500;

export type BatchStep = 'action' | 'choice' | 'cancellation' | 'report';
export type BatchChoices = {
  action: BatchAction;
  notEligibleMode?: NotEligibleMode;
  notify?: NotifyChannel;
  lockSlot?: boolean;
};

/** Rows the action can still change: a cancelled participant is refused by the server anyway. */
const liveRows = (rows: readonly BatchRow[]) => rows.filter((row) => row.status !== 'cancelled');
const upcomingLiveRows = (rows: readonly BatchRow[]) => liveRows(rows).filter((row) => row.isUpcoming);

/** F3: "Not eligible" asks what to do with the appointment only when an upcoming one is selected. */
export function needsNotEligibleChoice(rows: readonly BatchRow[]): boolean {
  return upcomingLiveRows(rows).length > 0;
}

/** The step after the action (or the not-eligible choice): another question, or apply at once. */
export function nextStep(
  choices: Pick<BatchChoices, 'action' | 'notEligibleMode'>,
  rows: readonly BatchRow[],
) {
  if (choices.action === 'cancel') return 'cancellation';
  if (choices.action !== 'not_eligible' || !needsNotEligibleChoice(rows)) return 'apply';
  if (!choices.notEligibleMode) return 'choice';
  return choices.notEligibleMode === 'cancel' ? 'cancellation' : 'apply';
}

/**
 * F4: SMS (email) is offered only when every upcoming appointment of the selection has a mobile (an email);
 * a selection with nothing upcoming offers neither. "Without notice" is always offered.
 */
export function offeredChannels(rows: readonly BatchRow[]): Record<NotifyChannel, boolean> {
  const upcoming = upcomingLiveRows(rows);
  return {
    sms: upcoming.length > 0 && upcoming.every((row) => row.user.hasMobile),
    email: upcoming.length > 0 && upcoming.every((row) => row.user.hasEmail),
    none: true,
  };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * The requests that apply the choices. A plain cancellation that notifies is split: past rows go without
 * notice (N5 — the server would refuse them a channel), upcoming ones with the chosen channel.
 */
export function buildBatchBodies(rows: readonly BatchRow[], choices: BatchChoices): BatchBody[] {
  const cancels =
    choices.action === 'cancel' ||
    (choices.action === 'not_eligible' && choices.notEligibleMode === 'cancel');
  const base: Omit<BatchBody, 'participantIds'> = {
    action: choices.action,
    ...(choices.action === 'not_eligible' && needsNotEligibleChoice(rows)
      ? { notEligibleMode: choices.notEligibleMode ?? 'keep' }
      : {}),
    ...(cancels ? { notify: choices.notify ?? 'none', lockSlot: choices.lockSlot ?? false } : {}),
  };
  const groups: { ids: string[]; body: Omit<BatchBody, 'participantIds'> }[] = [];
  if (choices.action === 'cancel' && base.notify !== 'none') {
    groups.push({ ids: rows.filter((r) => r.isUpcoming).map((r) => r.participantId), body: base });
    groups.push({
      ids: rows.filter((r) => !r.isUpcoming).map((r) => r.participantId),
      body: { ...base, notify: 'none' },
    });
  } else {
    groups.push({ ids: rows.map((r) => r.participantId), body: base });
  }
  return groups.flatMap(({ ids, body }) =>
    chunk(ids, MAX_ROWS_PER_REQUEST).map((participantIds) => ({ ...body, participantIds })),
  );
}

/** One report for several replies, rows in the order of the selection. */
export function mergeReplies(replies: readonly BatchReply[], order: readonly string[]): BatchReply {
  const byId = new Map(replies.flatMap((reply) => reply.results).map((r) => [r.participantId, r]));
  const results = order.flatMap((id) => {
    const result = byId.get(id);
    return result ? [result] : [];
  });
  return {
    done: replies.reduce((sum, reply) => sum + reply.done, 0),
    refused: replies.reduce((sum, reply) => sum + reply.refused, 0),
    results,
  };
}

/** Refusal reasons with their counts, most frequent first ("already_cancelled" × 2). */
export function refusalReasons(reply: BatchReply): { code: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const result of reply.results) {
    if (result.outcome !== 'refused') continue;
    const code = result.code ?? 'unknown';
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}
