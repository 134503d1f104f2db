// SPEC V4: occurrences of recurring meetings — counts, end dates, wall-clock time kept across the
// daylight-saving changes of Toronto and Paris, month ends, and refused series.
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { expandOccurrences, MAX_OCCURRENCES } from './recurrence.ts';

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());
const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.fields[0] : error;
  }
  return undefined;
};

describe('V4: meeting occurrences', () => {
  it('V4: a single meeting is one occurrence', () => {
    const start = new Date('2026-03-02T14:00:00Z');
    expect(expandOccurrences(start, undefined, 'America/Toronto')).toEqual([start]);
  });

  it('V4: weekly, 3 times, keeps 09:00 in Toronto across the spring change (UTC offset −5 → −4)', () => {
    // Monday 2 March 2026, 09:00 EST; clocks go forward on Sunday 8 March.
    const starts = expandOccurrences(
      new Date('2026-03-02T14:00:00Z'),
      { frequency: 'weekly', count: 3 },
      'America/Toronto',
    );
    expect(iso(starts)).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-16T13:00:00.000Z',
    ]);
  });

  it('V4: daily until a date (included) keeps 18:30 in Paris across the autumn change (UTC+2 → UTC+1)', () => {
    const starts = expandOccurrences(
      new Date('2026-10-24T16:30:00Z'),
      { frequency: 'daily', untilDate: '2026-10-26' },
      'Europe/Paris',
    );
    expect(iso(starts)).toEqual([
      '2026-10-24T16:30:00.000Z',
      '2026-10-25T17:30:00.000Z',
      '2026-10-26T17:30:00.000Z',
    ]);
  });

  it('V4: monthly on the 31st lands on the last day of shorter months and comes back to the 31st', () => {
    const starts = expandOccurrences(
      new Date('2027-01-31T15:00:00Z'),
      { frequency: 'monthly', count: 3 },
      'America/Toronto',
    );
    expect(iso(starts)).toEqual([
      '2027-01-31T15:00:00.000Z',
      '2027-02-28T15:00:00.000Z',
      '2027-03-31T14:00:00.000Z',
    ]);
  });

  it('V4: a series needs exactly one of a count and an end date, at most a year of weekly meetings, ending after it starts', () => {
    const start = new Date('2026-03-02T14:00:00Z');
    const tz = 'America/Toronto';
    expect(fieldOf(() => expandOccurrences(start, { frequency: 'weekly' }, tz))).toMatchObject({
      path: 'recurrence',
    });
    expect(
      fieldOf(() => expandOccurrences(start, { frequency: 'weekly', count: 2, untilDate: '2026-04-01' }, tz)),
    ).toMatchObject({ path: 'recurrence' });
    expect(
      fieldOf(() => expandOccurrences(start, { frequency: 'weekly', count: MAX_OCCURRENCES + 1 }, tz)),
    ).toMatchObject({
      path: 'recurrence.count',
      code: 'maximum',
    });
    expect(
      fieldOf(() => expandOccurrences(start, { frequency: 'daily', untilDate: '2026-12-31' }, tz)),
    ).toMatchObject({
      path: 'recurrence.untilDate',
      code: 'maximum',
    });
    expect(
      fieldOf(() => expandOccurrences(start, { frequency: 'daily', untilDate: '2026-03-01' }, tz)),
    ).toMatchObject({
      path: 'recurrence.untilDate',
      code: 'period',
    });
    expect(
      fieldOf(() => expandOccurrences(start, { frequency: 'daily', untilDate: '2026-02-30' }, tz)),
    ).toMatchObject({
      path: 'recurrence.untilDate',
      code: 'date',
    });
    expect(expandOccurrences(start, { frequency: 'weekly', count: MAX_OCCURRENCES }, tz)).toHaveLength(
      MAX_OCCURRENCES,
    );
  });
});
