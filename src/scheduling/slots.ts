// SPEC S2/S3: pure slot generation — no database, no HTTP. Opening hours are wall-clock times in the
// organisation's time zone; they are turned into UTC instants per date with Temporal, so slots stay right
// across daylight-saving changes. Free slots = opening hours (+ extra hours − removed hours − absences),
// cut into service-length slots, minus busy periods (with buffers), locks (for the public), the past and
// the minimum notice.
import { Temporal } from 'temporal-polyfill';
import { type Interval, normalise, overlaps, subtract } from './intervals.ts';

export type WeeklyRule = {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Wall-clock "HH:MM" in the organisation's time zone. */
  startTime: string;
  endTime: string;
  locationId: string | null;
  /** Services this opening serves; null = all. */
  serviceIds: string[] | null;
  /** Inclusive "YYYY-MM-DD" bounds; null = open-ended. */
  validFrom: string | null;
  validUntil: string | null;
};

export type DatedException = {
  date: string;
  kind: 'extra' | 'removed';
  /** null times on a removed exception = the whole day. */
  startTime: string | null;
  endTime: string | null;
  locationId: string | null;
};

export type ExistingBooking = {
  /** Busy period including the buffers of that appointment (as stored in the database). */
  busy: Interval;
  start: number;
  serviceId: string;
  /** Places left when this is a group appointment of the same service; 0 when full or individual. */
  remaining: number;
};

export type ProviderCalendar = {
  providerId: string;
  rules: WeeklyRule[];
  exceptions: DatedException[];
  absences: Interval[];
  bookings: ExistingBooking[];
  locks: Interval[];
};

export type ServiceSpec = {
  id: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  capacity: number;
  locationIds: string[];
};

export type SlotQuery = {
  timeZone: string;
  /** Inclusive local dates "YYYY-MM-DD". */
  fromDate: string;
  toDate: string;
  now: number;
  /** Staff see locked time (they may book over a lock); the public never does. */
  includeLocked: boolean;
  /** Restrict to one location. */
  locationId?: string;
  /** Minutes between slot starts; defaults to the service duration. */
  stepMinutes?: number;
};

export type Slot = {
  start: number;
  end: number;
  providerId: string;
  locationId: string | null;
  /** Places left (1 for an individual service). */
  remaining: number;
  isLocked: boolean;
};

const MINUTE = 60_000;
export const MAX_RANGE_DAYS = 62;

export function toInstant(date: string, time: string, timeZone: string): number {
  // "24:00" closes a day that stays open until midnight: the next day at 00:00.
  if (time === '24:00')
    return toInstant(Temporal.PlainDate.from(date).add({ days: 1 }).toString(), '00:00', timeZone);
  return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone, {
    disambiguation: 'compatible',
  }).epochMilliseconds;
}

/** Local dates from..to inclusive. */
export function eachDate(fromDate: string, toDate: string): string[] {
  const dates: string[] = [];
  let day = Temporal.PlainDate.from(fromDate);
  const last = Temporal.PlainDate.from(toDate);
  while (Temporal.PlainDate.compare(day, last) <= 0 && dates.length <= MAX_RANGE_DAYS) {
    dates.push(day.toString());
    day = day.add({ days: 1 });
  }
  return dates;
}

/** The UTC instants at which a local date begins and ends (a DST day lasts 23 or 25 hours). */
export function dayBounds(date: string, timeZone: string): Interval {
  const day = Temporal.PlainDate.from(date);
  return {
    start: day.toZonedDateTime({ timeZone }).epochMilliseconds,
    end: day.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds,
  };
}

type Opening = Interval & { locationId: string | null };

function appliesTo(
  rule: WeeklyRule,
  date: string,
  weekday: number,
  service: ServiceSpec,
  locationId?: string,
) {
  if (rule.weekday !== weekday) return false;
  if (rule.validFrom && date < rule.validFrom) return false;
  if (rule.validUntil && date > rule.validUntil) return false;
  if (rule.serviceIds && !rule.serviceIds.includes(service.id)) return false;
  if (locationId && rule.locationId !== locationId) return false;
  if (rule.locationId && service.locationIds.length && !service.locationIds.includes(rule.locationId))
    return false;
  return true;
}

/** Opening intervals of one provider on one local date, per location. */
export function openingsOn(
  calendar: ProviderCalendar,
  service: ServiceSpec,
  date: string,
  timeZone: string,
  locationId?: string,
): Opening[] {
  const weekday = Temporal.PlainDate.from(date).dayOfWeek;
  const toInterval = (start: string, end: string): Interval => ({
    start: toInstant(date, start, timeZone),
    end: toInstant(date, end, timeZone),
  });
  const dayExceptions = calendar.exceptions.filter((e) => e.date === date);
  const removed = dayExceptions
    .filter((e) => e.kind === 'removed')
    .map((e) => (e.startTime && e.endTime ? toInterval(e.startTime, e.endTime) : dayBounds(date, timeZone)));
  const byLocation = new Map<string | null, Interval[]>();
  const add = (location: string | null, interval: Interval) =>
    byLocation.set(location, [...(byLocation.get(location) ?? []), interval]);
  for (const rule of calendar.rules) {
    if (appliesTo(rule, date, weekday, service, locationId))
      add(rule.locationId, toInterval(rule.startTime, rule.endTime));
  }
  for (const extra of dayExceptions.filter((e) => e.kind === 'extra' && e.startTime && e.endTime)) {
    if (locationId && extra.locationId !== locationId) continue;
    add(extra.locationId, toInterval(extra.startTime!, extra.endTime!));
  }
  const openings: Opening[] = [];
  for (const [location, intervals] of byLocation) {
    for (const interval of subtract(intervals, [...removed, ...calendar.absences])) {
      openings.push({ ...interval, locationId: location });
    }
  }
  return openings.sort((a, b) => a.start - b.start);
}

/** The busy period a new appointment of this service starting at `start` would occupy. */
export function busyPeriodOf(service: ServiceSpec, start: number): Interval {
  return {
    start: start - service.bufferBeforeMinutes * MINUTE,
    end: start + (service.durationMinutes + service.bufferAfterMinutes) * MINUTE,
  };
}

export function findFreeSlots(calendars: ProviderCalendar[], service: ServiceSpec, query: SlotQuery): Slot[] {
  const step = (query.stepMinutes ?? service.durationMinutes) * MINUTE;
  const duration = service.durationMinutes * MINUTE;
  const earliest = query.now + service.minNoticeMinutes * MINUTE;
  const slots: Slot[] = [];
  for (const calendar of calendars) {
    const locks = normalise(calendar.locks);
    for (const date of eachDate(query.fromDate, query.toDate)) {
      for (const opening of openingsOn(calendar, service, date, query.timeZone, query.locationId)) {
        for (let start = opening.start; start + duration <= opening.end; start += step) {
          if (start < earliest) continue;
          const slot = { start, end: start + duration };
          const isLocked = locks.some((lock) => overlaps(lock, slot));
          if (isLocked && !query.includeLocked) continue;
          const remaining = placesLeft(calendar.bookings, service, start);
          if (remaining > 0) {
            slots.push({
              ...slot,
              providerId: calendar.providerId,
              locationId: opening.locationId,
              remaining,
              isLocked,
            });
          }
        }
      }
    }
  }
  return slots.sort((a, b) => a.start - b.start || a.providerId.localeCompare(b.providerId));
}

/** Places left at `start`: a same-service group appointment at that instant may still have room. */
function placesLeft(bookings: ExistingBooking[], service: ServiceSpec, start: number): number {
  const busy = busyPeriodOf(service, start);
  let joinable: number | undefined;
  for (const booking of bookings) {
    if (!overlaps(booking.busy, busy)) continue;
    if (service.capacity > 1 && booking.serviceId === service.id && booking.start === start) {
      joinable = booking.remaining;
      continue;
    }
    return 0;
  }
  return joinable ?? service.capacity;
}
