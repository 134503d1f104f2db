// S2/S3: slot generation — opening hours, exceptions, absences, bookings with buffers, locks, notice,
// and daylight-saving changes in America/Toronto and Europe/Paris; property-based checks with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlaps } from './intervals.ts';
import {
  busyPeriodOf,
  findFreeSlots,
  offeredTimes,
  type ProviderCalendar,
  type ServiceSpec,
  toInstant,
} from './slots.ts';

const service: ServiceSpec = {
  id: 'svc',
  durationMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeMinutes: 0,
  capacity: 1,
  locationIds: [],
};

const weekdays = (start: string, end: string) =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    startTime: start,
    endTime: end,
    locationId: 'loc',
    serviceIds: null,
    validFrom: null,
    validUntil: null,
  }));

const calendar = (overrides: Partial<ProviderCalendar> = {}): ProviderCalendar => ({
  providerId: 'p1',
  rules: weekdays('09:00', '12:00'),
  exceptions: [],
  absences: [],
  bookings: [],
  locks: [],
  ...overrides,
});

const query = (fromDate: string, toDate = fromDate, timeZone = 'America/Toronto') => ({
  timeZone,
  fromDate,
  toDate,
  now: Date.UTC(2020, 0, 1),
  includeLocked: false,
});

const iso = (ms: number) => new Date(ms).toISOString();

describe('S3 slot generation', () => {
  it('S2: weekly opening hours are cut into service-length slots in the organisation’s time zone', () => {
    const slots = findFreeSlots([calendar()], service, query('2026-06-01'));
    expect(slots).toHaveLength(6);
    expect(iso(slots[0]!.start)).toBe('2026-06-01T13:00:00.000Z');
    expect(iso(slots.at(-1)!.end)).toBe('2026-06-01T16:00:00.000Z');
  });

  it('S2: dated exceptions add or remove hours; absences remove time', () => {
    const cal = calendar({
      exceptions: [
        { date: '2026-06-01', kind: 'removed', startTime: '09:00', endTime: '10:00', locationId: null },
        { date: '2026-06-01', kind: 'extra', startTime: '14:00', endTime: '15:00', locationId: 'loc' },
        { date: '2026-06-02', kind: 'removed', startTime: null, endTime: null, locationId: null },
      ],
      absences: [
        {
          start: toInstant('2026-06-03', '00:00', 'America/Toronto'),
          end: toInstant('2026-06-03', '11:00', 'America/Toronto'),
        },
      ],
    });
    const slots = findFreeSlots([cal], service, query('2026-06-01', '2026-06-03'));
    const local = slots.map((s) =>
      new Date(s.start).toLocaleString('sv', { timeZone: 'America/Toronto' }).slice(0, 16),
    );
    expect(local).toEqual([
      '2026-06-01 10:00',
      '2026-06-01 10:30',
      '2026-06-01 11:00',
      '2026-06-01 11:30',
      '2026-06-01 14:00',
      '2026-06-01 14:30',
      '2026-06-03 11:00',
      '2026-06-03 11:30',
    ]);
  });

  it('S3: booked time with its buffers, locks (for the public), the past and the notice period are not offered', () => {
    const buffered = { ...service, bufferAfterMinutes: 15 };
    const start = toInstant('2026-06-01', '10:00', 'America/Toronto');
    const cal = calendar({
      bookings: [{ busy: busyPeriodOf(buffered, start), start, serviceId: 'svc', remaining: 0 }],
      locks: [
        {
          start: toInstant('2026-06-01', '11:30', 'America/Toronto'),
          end: toInstant('2026-06-01', '12:00', 'America/Toronto'),
        },
      ],
    });
    const now = toInstant('2026-06-01', '08:50', 'America/Toronto');
    const publicSlots = findFreeSlots(
      [cal],
      { ...buffered, minNoticeMinutes: 30 },
      { ...query('2026-06-01'), now },
    );
    const local = (s: { start: number }) =>
      new Date(s.start).toLocaleTimeString('sv', { timeZone: 'America/Toronto' }).slice(0, 5);
    // 09:00 is within the 30-minute notice; 09:30 would run (with its buffer) into 10:00; 10:00 and 10:30 are
    // taken by the booking and its buffer; 11:30 is locked.
    expect(publicSlots.map(local)).toEqual(['11:00']);
    const staffSlots = findFreeSlots(
      [cal],
      { ...buffered, minNoticeMinutes: 30 },
      { ...query('2026-06-01'), now, includeLocked: true },
    );
    expect(staffSlots.map(local)).toEqual(['11:00', '11:30']);
    expect(staffSlots[1]!.isLocked).toBe(true);
  });

  it('S3: group services offer the same start until the group is full', () => {
    const group = { ...service, capacity: 5 };
    const start = toInstant('2026-06-01', '09:00', 'America/Toronto');
    const busy = busyPeriodOf(group, start);
    const partly = findFreeSlots(
      [calendar({ bookings: [{ busy, start, serviceId: 'svc', remaining: 2 }] })],
      group,
      query('2026-06-01'),
    );
    expect(partly[0]).toMatchObject({ start, remaining: 2 });
    const full = findFreeSlots(
      [calendar({ bookings: [{ busy, start, serviceId: 'svc', remaining: 0 }] })],
      group,
      query('2026-06-01'),
    );
    expect(full[0]!.start).not.toBe(start);
  });

  it('S3: spring change in America/Toronto (2026-03-08, 02:00 → 03:00) keeps wall-clock opening hours', () => {
    const cal = calendar({ rules: weekdays('01:00', '04:00') });
    const slots = findFreeSlots([cal], { ...service, durationMinutes: 60 }, query('2026-03-08'));
    // 01:00 EST = 06:00Z; 04:00 EDT = 08:00Z: only two real hours exist that night.
    expect(slots.map((s) => iso(s.start))).toEqual(['2026-03-08T06:00:00.000Z', '2026-03-08T07:00:00.000Z']);
    const morning = findFreeSlots([calendar()], service, query('2026-03-08'));
    expect(iso(morning[0]!.start)).toBe('2026-03-08T13:00:00.000Z');
    const before = findFreeSlots([calendar()], service, query('2026-03-07'));
    expect(iso(before[0]!.start)).toBe('2026-03-07T14:00:00.000Z');
  });

  it('S3: autumn change in America/Toronto (2026-11-01, 02:00 → 01:00) gives the repeated hour once more', () => {
    const cal = calendar({ rules: weekdays('00:00', '03:00') });
    const slots = findFreeSlots([cal], { ...service, durationMinutes: 60 }, query('2026-11-01'));
    expect(slots.map((s) => iso(s.start))).toEqual([
      '2026-11-01T04:00:00.000Z',
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T06:00:00.000Z',
      '2026-11-01T07:00:00.000Z',
    ]);
  });

  it('S3: spring and autumn changes in Europe/Paris (2026-03-29 and 2026-10-25)', () => {
    const spring = findFreeSlots([calendar()], service, query('2026-03-28', '2026-03-29', 'Europe/Paris'));
    expect(iso(spring[0]!.start)).toBe('2026-03-28T08:00:00.000Z');
    expect(iso(spring.find((s) => iso(s.start).startsWith('2026-03-29'))!.start)).toBe(
      '2026-03-29T07:00:00.000Z',
    );
    const autumn = findFreeSlots([calendar()], service, query('2026-10-25', '2026-10-26', 'Europe/Paris'));
    expect(iso(autumn[0]!.start)).toBe('2026-10-25T08:00:00.000Z');
    const night = findFreeSlots(
      [calendar({ rules: weekdays('02:00', '04:00') })],
      { ...service, durationMinutes: 60 },
      query('2026-03-29', '2026-03-29', 'Europe/Paris'),
    );
    // 02:00–03:00 does not exist that night: opening starts at 03:00 CEST = 01:00Z.
    expect(night.map((s) => iso(s.start))).toEqual(['2026-03-29T01:00:00.000Z']);
  });

  it('S2: opening hours may run until 24:00 (midnight)', () => {
    const slots = findFreeSlots(
      [calendar({ rules: weekdays('23:00', '24:00') })],
      service,
      query('2026-06-01'),
    );
    expect(slots.map((s) => iso(s.start))).toEqual(['2026-06-02T03:00:00.000Z', '2026-06-02T03:30:00.000Z']);
  });

  it('S2: a weekly rule applies only inside its validity dates and to its services', () => {
    const cal = calendar({
      rules: [
        {
          weekday: 1,
          startTime: '09:00',
          endTime: '10:00',
          locationId: 'loc',
          serviceIds: ['other'],
          validFrom: null,
          validUntil: null,
        },
        {
          weekday: 1,
          startTime: '13:00',
          endTime: '14:00',
          locationId: 'loc',
          serviceIds: null,
          validFrom: '2026-06-08',
          validUntil: null,
        },
      ],
    });
    expect(findFreeSlots([cal], service, query('2026-06-01'))).toEqual([]);
    expect(findFreeSlots([cal], service, query('2026-06-08'))).toHaveLength(2);
  });
});

const time = fc
  .integer({ min: 0, max: 47 })
  .map((half) => `${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 ? '30' : '00'}`);
const dayOffsetMinutes = fc.integer({ min: 0, max: 3 * 24 * 60 });

describe('S3 properties (fast-check)', () => {
  it('S3: no slot overlaps a booking, a lock or an absence, and every slot lies within opening hours', () => {
    const base = toInstant('2026-10-30', '00:00', 'Europe/Paris');
    const interval = fc
      .tuple(dayOffsetMinutes, fc.integer({ min: 5, max: 240 }))
      .map(([offset, length]) => ({ start: base + offset * 60_000, end: base + (offset + length) * 60_000 }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 7 }), time, time), { minLength: 1, maxLength: 6 }),
        fc.array(interval, { maxLength: 5 }),
        fc.array(interval, { maxLength: 3 }),
        fc.array(interval, { maxLength: 3 }),
        fc.record({
          durationMinutes: fc.constantFrom(10, 15, 30, 45, 60),
          bufferBeforeMinutes: fc.constantFrom(0, 5, 10),
          bufferAfterMinutes: fc.constantFrom(0, 5, 15),
        }),
        (ruleParts, bookingSpans, lockSpans, absenceSpans, shape) => {
          const spec = { ...service, ...shape };
          const rules = ruleParts
            .filter(([, a, b]) => a < b)
            .map(([weekday, startTime, endTime]) => ({
              weekday,
              startTime,
              endTime,
              locationId: 'loc',
              serviceIds: null,
              validFrom: null,
              validUntil: null,
            }));
          const bookings = bookingSpans.map((span) => ({
            busy: span,
            start: span.start,
            serviceId: 'other',
            remaining: 0,
          }));
          const cal = calendar({ rules, bookings, locks: lockSpans, absences: absenceSpans });
          const slots = findFreeSlots([cal], spec, {
            timeZone: 'Europe/Paris',
            fromDate: '2026-10-30',
            toDate: '2026-11-01',
            now: 0,
            includeLocked: false,
          });
          for (const slot of slots) {
            const busy = busyPeriodOf(spec, slot.start);
            expect(bookings.some((b) => overlaps(b.busy, busy))).toBe(false);
            expect(lockSpans.some((l) => overlaps(l, slot))).toBe(false);
            expect(absenceSpans.some((a) => overlaps(a, slot))).toBe(false);
            expect(slot.end - slot.start).toBe(spec.durationMinutes * 60_000);
            // Every minute of the slot is inside the union of the day's opening hours.
            for (let t = slot.start; t < slot.end; t += 60_000) {
              const local = Temporal_local(t, 'Europe/Paris');
              expect(
                rules.some(
                  (r) => r.weekday === local.weekday && r.startTime <= local.time && local.time < r.endTime,
                ),
              ).toBe(true);
            }
          }
          // Slots of one provider never overlap each other.
          for (let i = 1; i < slots.length; i++)
            expect(slots[i]!.start).toBeGreaterThanOrEqual(slots[i - 1]!.end);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('P1 offered times', () => {
  it('P1: the public gets one time per start and location, with the places of every free provider', () => {
    const two = calendar({ providerId: 'p2' });
    const elsewhere = calendar({
      providerId: 'p3',
      rules: weekdays('09:00', '10:00').map((r) => ({ ...r, locationId: 'loc-b' })),
    });
    const slots = findFreeSlots([calendar(), two, elsewhere], service, query('2026-06-01'));
    const times = offeredTimes(slots);
    expect(times).toHaveLength(6 + 2);
    const nine = times.filter((t) => iso(t.start) === '2026-06-01T13:00:00.000Z');
    expect(nine.map((t) => [t.locationId, t.remaining])).toEqual([
      ['loc', 2],
      ['loc-b', 1],
    ]);
    expect(times.map((t) => t.start)).toEqual([...times.map((t) => t.start)].sort((a, b) => a - b));
  });
});

function Temporal_local(ms: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { weekday, time: `${get('hour')}:${get('minute')}` };
}
