// N2: reminder instants in the organisation's time zone, across daylight-saving changes.
import { describe, expect, it } from 'vitest';
import { plannedReminders, reminderInstant } from './reminders.ts';

const twoDays = { type: 'days_before_at' as const, days: 2, time: '09:00' };

describe('reminders', () => {
  it('N2: Thursday 15:00 is reminded on Tuesday 09:00 in the organisation’s time zone', () => {
    // Thursday 2026-06-11 15:00 in Toronto (EDT, UTC−4) → Tuesday 2026-06-09 09:00 EDT = 13:00Z.
    expect(reminderInstant(new Date('2026-06-11T19:00:00Z'), twoDays, 'America/Toronto').toISOString()).toBe(
      '2026-06-09T13:00:00.000Z',
    );
    expect(reminderInstant(new Date('2026-06-11T13:00:00Z'), twoDays, 'Europe/Paris').toISOString()).toBe(
      '2026-06-09T07:00:00.000Z',
    );
  });

  it('N2: across the autumn change (Toronto, 2026-11-01) the reminder keeps 09:00 local on its own side', () => {
    // Monday 2026-11-02 10:00 EST (15:00Z) → Saturday 2026-10-31 09:00 EDT = 13:00Z.
    expect(reminderInstant(new Date('2026-11-02T15:00:00Z'), twoDays, 'America/Toronto').toISOString()).toBe(
      '2026-10-31T13:00:00.000Z',
    );
  });

  it('N2: across the spring change (Paris, 2026-03-29) too', () => {
    // Tuesday 2026-03-31 10:00 CEST (08:00Z) → Sunday 2026-03-29 09:00 CEST = 07:00Z (the change was at 02:00).
    expect(reminderInstant(new Date('2026-03-31T08:00:00Z'), twoDays, 'Europe/Paris').toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
  });

  it('N2: an extra "2 hours before" rule; reminders already past at booking are skipped', () => {
    const startsAt = new Date('2026-06-11T19:00:00Z');
    const rules = [twoDays, { type: 'minutes_before' as const, minutes: 120 }];
    expect(
      plannedReminders(startsAt, rules, 'America/Toronto', new Date('2026-06-01T00:00:00Z')).map((r) =>
        r.at.toISOString(),
      ),
    ).toEqual(['2026-06-09T13:00:00.000Z', '2026-06-11T17:00:00.000Z']);
    expect(
      plannedReminders(startsAt, rules, 'America/Toronto', new Date('2026-06-10T00:00:00Z')).map(
        (r) => r.index,
      ),
    ).toEqual([1]);
    expect(plannedReminders(startsAt, rules, 'America/Toronto', new Date('2026-06-11T18:00:00Z'))).toEqual(
      [],
    );
  });
});
