// @vitest-environment node
// Wall-clock times in the organisation's zone ↔ instants, including daylight-saving days (S2/S9).
import { describe, expect, it } from 'vitest';
import { localDateTimeToIso, localParts, toInstantIso, visibleDates, weekdayOf } from './zonedTime';

describe('S9: organisation time zone at the edges of the schedule', () => {
  it('S9: a clinic time in Toronto and in Paris becomes the right instant', () => {
    expect(toInstantIso('2026-12-02', '10:00', 'America/Toronto')).toBe('2026-12-02T15:00:00Z');
    expect(toInstantIso('2026-07-02', '10:00', 'America/Toronto')).toBe('2026-07-02T14:00:00Z');
    expect(toInstantIso('2026-12-02', '10:00', 'Europe/Paris')).toBe('2026-12-02T09:00:00Z');
    expect(localDateTimeToIso('2026-12-02T10:00', 'Europe/Paris')).toBe('2026-12-02T09:00:00Z');
  });

  it('S9: a time skipped by the spring change moves forward, as clocks do', () => {
    expect(toInstantIso('2026-03-08', '02:30', 'America/Toronto')).toBe('2026-03-08T07:30:00Z');
  });

  it('S9: an instant reads as the clinic’s date and time, not the browser’s', () => {
    expect(localParts('2026-12-02T04:30:00Z', 'America/Toronto')).toEqual({
      date: '2026-12-01',
      time: '23:30',
    });
    expect(localParts('2026-12-02T04:30:00Z', 'Europe/Paris')).toEqual({ date: '2026-12-02', time: '05:30' });
  });

  it('S9: the shown week is sent as inclusive local dates, even across a DST change', () => {
    const start = new Date(toInstantIso('2026-11-02', '00:00', 'America/Toronto'));
    const end = new Date(toInstantIso('2026-11-09', '00:00', 'America/Toronto'));
    expect(visibleDates(start, end, 'America/Toronto')).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    expect(weekdayOf('2026-11-02')).toBe(1);
  });
});
