// @vitest-environment node
// F2–F4 rules of the batch-action window, without the browser: steps, offered channels, request bodies.
import { describe, expect, it } from 'vitest';
import {
  type BatchReply,
  type BatchRow,
  buildBatchBodies,
  MAX_ROWS_PER_REQUEST,
  mergeReplies,
  needsNotEligibleChoice,
  nextStep,
  offeredChannels,
  refusalReasons,
} from './batchFlow';

let serial = 0;
function row(fields: Partial<BatchRow> & { hasEmail?: boolean; hasMobile?: boolean } = {}): BatchRow {
  serial += 1;
  return {
    participantId: fields.participantId ?? `p${serial}`,
    isUpcoming: fields.isUpcoming ?? true,
    status: fields.status ?? 'scheduled',
    user: {
      id: `u${serial}`,
      name: `User ${serial}`,
      hasEmail: fields.hasEmail ?? true,
      hasMobile: fields.hasMobile ?? true,
    },
  };
}

describe('F3: the not-eligible choice', () => {
  it('F3: an upcoming appointment asks to keep or cancel; a past one gets no choice', () => {
    expect(nextStep({ action: 'not_eligible' }, [row()])).toBe('choice');
    expect(nextStep({ action: 'not_eligible' }, [row({ isUpcoming: false })])).toBe('apply');
    expect(nextStep({ action: 'not_eligible', notEligibleMode: 'keep' }, [row()])).toBe('apply');
    expect(nextStep({ action: 'not_eligible', notEligibleMode: 'cancel' }, [row()])).toBe('cancellation');
  });

  it('F3: an already cancelled upcoming row does not ask for the choice', () => {
    expect(needsNotEligibleChoice([row({ status: 'cancelled' }), row({ isUpcoming: false })])).toBe(false);
  });

  it('F2: present and absent apply at once, cancel goes to the cancellation settings', () => {
    expect(nextStep({ action: 'present' }, [row()])).toBe('apply');
    expect(nextStep({ action: 'absent' }, [row()])).toBe('apply');
    expect(nextStep({ action: 'cancel' }, [row({ isUpcoming: false })])).toBe('cancellation');
  });
});

describe('F4: cancellation channels', () => {
  it('F4: SMS only when every upcoming row has a mobile, email only when every one has an email', () => {
    expect(offeredChannels([row(), row({ hasMobile: false })])).toEqual({
      sms: false,
      email: true,
      none: true,
    });
    expect(offeredChannels([row(), row({ hasEmail: false })])).toEqual({
      sms: true,
      email: false,
      none: true,
    });
  });

  it('F4: past rows and cancelled rows do not restrict the channels; nothing upcoming offers only "without notice"', () => {
    expect(
      offeredChannels([
        row(),
        row({ isUpcoming: false, hasEmail: false }),
        row({ status: 'cancelled', hasEmail: false }),
      ]),
    ).toEqual({ sms: true, email: true, none: true });
    expect(offeredChannels([row({ isUpcoming: false })])).toEqual({ sms: false, email: false, none: true });
  });
});

describe('F2–F4: request bodies', () => {
  it('F3/F4: not eligible + cancel carries the mode, the channel and the lock', () => {
    const rows = [row({ participantId: 'a' }), row({ participantId: 'b', isUpcoming: false })];
    expect(
      buildBatchBodies(rows, {
        action: 'not_eligible',
        notEligibleMode: 'cancel',
        notify: 'email',
        lockSlot: true,
      }),
    ).toEqual([
      {
        action: 'not_eligible',
        notEligibleMode: 'cancel',
        notify: 'email',
        lockSlot: true,
        participantIds: ['a', 'b'],
      },
    ]);
  });

  it('F3: past-only not eligible sends no mode; present sends neither channel nor lock', () => {
    expect(
      buildBatchBodies([row({ participantId: 'c', isUpcoming: false })], { action: 'not_eligible' }),
    ).toEqual([{ action: 'not_eligible', participantIds: ['c'] }]);
    expect(buildBatchBodies([row({ participantId: 'd' })], { action: 'present', lockSlot: true })).toEqual([
      { action: 'present', participantIds: ['d'] },
    ]);
  });

  it('N5: a notified cancellation sends past rows without notice', () => {
    const rows = [row({ participantId: 'up' }), row({ participantId: 'past', isUpcoming: false })];
    expect(buildBatchBodies(rows, { action: 'cancel', notify: 'sms', lockSlot: false })).toEqual([
      { action: 'cancel', notify: 'sms', lockSlot: false, participantIds: ['up'] },
      { action: 'cancel', notify: 'none', lockSlot: false, participantIds: ['past'] },
    ]);
  });

  it('F2: a selection larger than the API accepts is split into several requests', () => {
    const rows = Array.from({ length: MAX_ROWS_PER_REQUEST + 3 }, () => row());
    const bodies = buildBatchBodies(rows, { action: 'absent' });
    expect(bodies.map((body) => body.participantIds.length)).toEqual([MAX_ROWS_PER_REQUEST, 3]);
  });
});

describe('F5: the report', () => {
  const first: BatchReply = {
    done: 1,
    refused: 1,
    results: [
      { participantId: 'b', outcome: 'refused', code: 'already_cancelled' },
      { participantId: 'a', outcome: 'done', status: 'cancelled' },
    ],
  };
  const second: BatchReply = {
    done: 0,
    refused: 2,
    results: [
      { participantId: 'c', outcome: 'refused', code: 'already_cancelled' },
      { participantId: 'd', outcome: 'refused', code: 'forbidden' },
    ],
  };

  it('F5: replies merge in the order of the selection, with reasons counted', () => {
    const merged = mergeReplies([first, second], ['a', 'b', 'c', 'd']);
    expect(merged.done).toBe(1);
    expect(merged.refused).toBe(3);
    expect(merged.results.map((result) => result.participantId)).toEqual(['a', 'b', 'c', 'd']);
    expect(refusalReasons(merged)).toEqual([
      { code: 'already_cancelled', count: 2 },
      { code: 'forbidden', count: 1 },
    ]);
  });
});
