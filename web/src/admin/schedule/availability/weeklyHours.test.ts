// @vitest-environment node
// S2: the weekly hours editor sends the whole week in weekday order and finds the range a server field
// error ("rules.3.endTime") belongs to.
import { describe, expect, it } from 'vitest';
import { newRange, rangeFieldPath, rangesToBody, rulesToRanges } from './weeklyHours';

const rule = (weekday: number, startTime: string, endTime: string) => ({
  weekday,
  startTime: `${startTime}:00`,
  endTime: `${endTime}:00`,
  locationId: null,
  serviceIds: null,
  validFrom: null,
  validUntil: null,
});

describe('S2: weekly hours', () => {
  it('S2: loaded rules become ranges with HH:MM times and are sent back unchanged', () => {
    const ranges = rulesToRanges([rule(1, '09:00', '12:00'), rule(1, '13:00', '17:00')]);
    expect(ranges.map((r) => [r.startTime, r.endTime])).toEqual([
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ]);
    expect(rangesToBody(ranges).rules[0]).toEqual({
      weekday: 1,
      startTime: '09:00',
      endTime: '12:00',
      locationId: null,
      serviceIds: null,
      validFrom: null,
      validUntil: null,
    });
  });

  it('S2: ranges added in any order are sent by weekday, and a field error finds its range', () => {
    const friday = newRange(5);
    const monday = newRange(1);
    const mondayAfternoon = newRange(1, monday);
    const ranges = [friday, monday, mondayAfternoon];
    expect(rangesToBody(ranges).rules.map((r) => r.weekday)).toEqual([1, 1, 5]);
    expect(rangeFieldPath(ranges, friday.key, 'endTime')).toBe('rules.2.endTime');
    expect(rangeFieldPath(ranges, mondayAfternoon.key, 'startTime')).toBe('rules.1.startTime');
  });

  it('S2: a new range starts at 09:00, a second one after the first', () => {
    const first = newRange(3);
    expect([first.startTime, first.endTime]).toEqual(['09:00', '12:00']);
    const second = newRange(3, first);
    expect([second.startTime, second.endTime]).toEqual(['12:00', '17:00']);
  });

  it('S2: services chosen for a range are sent; none means every service', () => {
    const range = { ...newRange(2), serviceIds: ['s1'] };
    expect(rangesToBody([range]).rules[0]?.serviceIds).toEqual(['s1']);
    expect(rangesToBody([newRange(2)]).rules[0]?.serviceIds).toBeNull();
  });
});
