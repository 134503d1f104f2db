// @vitest-environment node
// P1: the week strip offers one button per free time on the organisation's calendar, whoever is free then.
import { describe, expect, it } from 'vitest';
import { groupSlotsByDate } from './slotGroups';
import type { PublicSlot } from './types';

const slot = (startsAt: string, locationId: string | null = 'loc-a', remaining = 1): PublicSlot => ({
  startsAt,
  endsAt: startsAt,
  locationId,
  remaining,
});

describe('P1: slots of the week strip', () => {
  it('P1: groups by the organisation’s date and keeps one button per time when locations are not shown', () => {
    const groups = groupSlotsByDate(
      [
        slot('2026-03-03T14:00:00Z', 'loc-b', 2),
        slot('2026-03-03T14:00:00Z', 'loc-a'),
        slot('2026-03-03T02:30:00Z'),
        slot('2026-03-03T15:00:00Z'),
      ],
      'America/Toronto',
      { byLocation: false },
    );
    expect([...groups.keys()]).toEqual(['2026-03-02', '2026-03-03']);
    expect(groups.get('2026-03-03')?.map((s) => s.startsAt)).toEqual([
      '2026-03-03T14:00:00Z',
      '2026-03-03T15:00:00Z',
    ]);
  });

  it('P1: with every location shown, the same time at two locations stays two choices', () => {
    const groups = groupSlotsByDate(
      [slot('2026-03-03T14:00:00Z', 'loc-a'), slot('2026-03-03T14:00:00Z', 'loc-b')],
      'America/Toronto',
      { byLocation: true },
    );
    expect(groups.get('2026-03-03')?.map((s) => s.locationId)).toEqual(['loc-a', 'loc-b']);
  });
});
