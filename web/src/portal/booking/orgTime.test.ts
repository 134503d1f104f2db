// @vitest-environment node
// P1: the portal shows slots on the organisation's clock, whatever the visitor's own time zone.
import { describe, expect, it } from 'vitest';
import { addDays, formatTime, localDate, timeZoneName, todayIn, weekDates } from './orgTime';

describe('P1: organisation time on the portal', () => {
  it('P1: an instant falls on the organisation’s calendar date, not the visitor’s', () => {
    // 02:30 UTC on 3 March is still 2 March in Toronto, and already 3 March in Paris.
    expect(localDate('2026-03-03T02:30:00Z', 'America/Toronto')).toBe('2026-03-02');
    expect(localDate('2026-03-03T02:30:00Z', 'Europe/Paris')).toBe('2026-03-03');
    expect(todayIn('America/Toronto', Date.parse('2026-03-03T02:30:00Z'))).toBe('2026-03-02');
  });

  it('P1: plain-date steps cross months, years and daylight-saving changes by whole days', () => {
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-12-29', 7)).toBe('2027-01-05');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekDates('2026-10-29')).toEqual([
      '2026-10-29',
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
    ]);
  });

  it('P1/P5: times read on the organisation’s clock, in the interface language', () => {
    // 14:00 UTC in July is 10:00 in Toronto (EDT) and 16:00 in Paris (CEST).
    expect(formatTime('2026-07-15T14:00:00Z', 'America/Toronto', 'fr')).toBe('10 h 00');
    expect(formatTime('2026-07-15T14:00:00Z', 'Europe/Paris', 'en')).toMatch(/^4:00\sp\.m\.$/);
    expect(timeZoneName('America/Toronto', 'en')).toBe('Eastern Time');
  });
});
