// SPEC S2/S3: pure slot generation — no database, no HTTP. Opening hours are wall-clock times in the
// organisation's time zone; they are turned into UTC instants per date with Temporal, so slots stay right
// across daylight-saving changes. Free slots = opening hours (+ extra hours − removed hours − absences),
// cut into service-length slots, minus busy periods (with buffers), locks (for the public), the past and
// the minimum notice.
import { Temporal } from 'temporal-polyfill';
import { type Interval, normalise, subtract } from './intervals.ts';

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

// Converting a wall-clock time with the Temporal polyfill costs ~40 µs; a 30-day search of 20 providers
// asks for the same few (date, time) pairs thousands of times, and the answer never changes (issue #5).
const instants = new Map<string, number>();
const INSTANT_CACHE_SIZE = 20_000;

export function toInstant(date: string, time: string, timeZone: string): number {
  // "24:00" closes a day that stays open until midnight: the next day at 00:00.
  if (time === '24:00')
    return toInstant(Temporal.PlainDate.from(date).add({ days: 1 }).toString(), '00:00', timeZone);
  const key = `${timeZone} ${date}T${time}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    instant = Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone, {
      disambiguation: 'compatible',
    }).epochMilliseconds;
    if (instants.size >= INSTANT_CACHE_SIZE) instants.clear();
    instants.set(key, instant);
  }
  return instant;
}

const weekdays = new Map<string, number>();

/** ISO weekday of a local date (remembered like instants: a search asks for each date many times). */
function weekdayOf(date: string): number {
  let weekday = weekdays.get(date);
  if (weekday === undefined) {
    weekday = Temporal.PlainDate.from(date).dayOfWeek;
    if (weekdays.size >= INSTANT_CACHE_SIZE) weekdays.clear();
    weekdays.set(date, weekday);
  }
  return weekday;
}

const dateRanges = new Map<string, readonly string[]>();

/** Local dates from..to inclusive (remembered: every search of a week or a month asks for the same few). */
export function eachDate(fromDate: string, toDate: string): readonly string[] {
  const key = `${fromDate}/${toDate}`;
  const known = dateRanges.get(key);
  if (known) return known;
  const dates: string[] = [];
  let day = Temporal.PlainDate.from(fromDate);
  const last = Temporal.PlainDate.from(toDate);
  while (Temporal.PlainDate.compare(day, last) <= 0 && dates.length <= MAX_RANGE_DAYS) {
    dates.push(day.toString());
    day = day.add({ days: 1 });
  }
  if (dateRanges.size >= 1_000) dateRanges.clear();
  dateRanges.set(key, dates);
  return dates;
}

/** The UTC instants at which a local date begins and ends (a DST day lasts 23 or 25 hours). */
export function dayBounds(date: string, timeZone: string): Interval {
  const next = Temporal.PlainDate.from(date).add({ days: 1 }).toString();
  return { start: toInstant(date, '00:00', timeZone), end: toInstant(next, '00:00', timeZone) };
}

type Opening = Interval & { locationId: string | null };

/**
 * What one provider's calendar says for one service, prepared once per search (issue #5: a 30-day search of
 * 20 providers asks for 600 provider-days): the rules that can serve the service by weekday, the exceptions
 * by date, the absences sorted and merged.
 */
type CalendarPlan = {
  byWeekday: WeeklyRule[][];
  exceptionsByDate: Map<string, DatedException[]>;
  absences: Interval[];
  locationId: string | undefined;
};

function planCalendar(calendar: ProviderCalendar, service: ServiceSpec, locationId?: string): CalendarPlan {
  const byWeekday: WeeklyRule[][] = [[], [], [], [], [], [], [], []];
  for (const rule of calendar.rules) {
    if (rule.serviceIds && !rule.serviceIds.includes(service.id)) continue;
    if (locationId && rule.locationId !== locationId) continue;
    if (rule.locationId && service.locationIds.length && !service.locationIds.includes(rule.locationId))
      continue;
    byWeekday[rule.weekday]?.push(rule);
  }
  const exceptionsByDate = new Map<string, DatedException[]>();
  for (const exception of calendar.exceptions) {
    const list = exceptionsByDate.get(exception.date);
    if (list) list.push(exception);
    else exceptionsByDate.set(exception.date, [exception]);
  }
  return { byWeekday, exceptionsByDate, absences: normalise(calendar.absences), locationId };
}

/** A local date of the search, with the instants of the wall-clock times asked on it (shared by providers). */
type SearchDay = { date: string; weekday: number; instants: Map<string, number> };

function searchDay(date: string): SearchDay {
  return { date, weekday: weekdayOf(date), instants: new Map() };
}

function instantOn(day: SearchDay, time: string, timeZone: string): number {
  let instant = day.instants.get(time);
  if (instant === undefined) {
    instant = toInstant(day.date, time, timeZone);
    day.instants.set(time, instant);
  }
  return instant;
}

const NO_OPENINGS: Opening[] = [];
const NO_RULES: WeeklyRule[] = [];

/** Opening intervals of a planned calendar on one local date, per location, by start. */
function plannedOpenings(plan: CalendarPlan, day: SearchDay, timeZone: string): Opening[] {
  const { date } = day;
  const exceptions = plan.exceptionsByDate.get(date);
  const open: Opening[] = [];
  for (const rule of plan.byWeekday[day.weekday] ?? NO_RULES) {
    if ((rule.validFrom && date < rule.validFrom) || (rule.validUntil && date > rule.validUntil)) continue;
    open.push({
      start: instantOn(day, rule.startTime, timeZone),
      end: instantOn(day, rule.endTime, timeZone),
      locationId: rule.locationId,
    });
  }
  let cuts = plan.absences;
  if (exceptions) {
    const removed: Interval[] = [];
    for (const exception of exceptions) {
      if (exception.kind === 'removed') {
        removed.push(
          exception.startTime && exception.endTime
            ? {
                start: instantOn(day, exception.startTime, timeZone),
                end: instantOn(day, exception.endTime, timeZone),
              }
            : dayBounds(date, timeZone),
        );
      } else if (exception.startTime && exception.endTime) {
        if (plan.locationId && exception.locationId !== plan.locationId) continue;
        open.push({
          start: instantOn(day, exception.startTime, timeZone),
          end: instantOn(day, exception.endTime, timeZone),
          locationId: exception.locationId,
        });
      }
    }
    if (removed.length) cuts = normalise([...removed, ...plan.absences]);
  }
  if (!open.length) return NO_OPENINGS;
  // Per location: merge its intervals, then take the cuts away.
  open.sort((a, b) =>
    a.locationId === b.locationId ? a.start - b.start : (a.locationId ?? '') < (b.locationId ?? '') ? -1 : 1,
  );
  const openings: Opening[] = [];
  let group: Opening[] = [];
  for (let i = 0; i <= open.length; i++) {
    const opening = open[i];
    if (group.length && (!opening || opening.locationId !== group[0]!.locationId)) {
      const locationId = group[0]!.locationId;
      for (const interval of subtract(group, cuts)) openings.push({ ...interval, locationId });
      group = [];
    }
    if (opening) group.push(opening);
  }
  // By start; at the same start, by location, so that the order never depends on the rules' order.
  return openings.length > 1
    ? openings.sort(
        (a, b) =>
          a.start - b.start ||
          ((a.locationId ?? '') < (b.locationId ?? '') ? -1 : a.locationId === b.locationId ? 0 : 1),
      )
    : openings;
}

/** Opening intervals of one provider on one local date, per location. */
export function openingsOn(
  calendar: ProviderCalendar,
  service: ServiceSpec,
  date: string,
  timeZone: string,
  locationId?: string,
): Opening[] {
  return plannedOpenings(planCalendar(calendar, service, locationId), searchDay(date), timeZone);
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
  const days = eachDate(query.fromDate, query.toDate).map(searchDay);
  for (const calendar of calendars) {
    const plan = planCalendar(calendar, service, query.locationId);
    const locks = normalise(calendar.locks);
    const bookings = sortBookings(calendar.bookings);
    for (const day of days) {
      for (const opening of plannedOpenings(plan, day, query.timeZone)) {
        let start = opening.start;
        // The first start on this opening's grid that respects the notice.
        if (start < earliest) start += Math.ceil((earliest - start) / step) * step;
        for (; start + duration <= opening.end; start += step) {
          const end = start + duration;
          const isLocked = isCovered(locks, start, end);
          if (isLocked && !query.includeLocked) continue;
          const remaining = placesLeft(bookings, service, start);
          if (remaining > 0) {
            slots.push({
              start,
              end,
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
  // Plain code-unit order for ids: localeCompare goes through ICU and costs more than the search.
  return slots.sort(
    (a, b) => a.start - b.start || (a.providerId < b.providerId ? -1 : a.providerId > b.providerId ? 1 : 0),
  );
}

/** Whether [start, end) meets one of the (few) intervals. A plain loop: this runs for every candidate slot. */
function isCovered(intervals: Interval[], start: number, end: number): boolean {
  for (const interval of intervals) if (interval.start < end && start < interval.end) return true;
  return false;
}

type SortedBookings = { list: ExistingBooking[]; longest: number };

/** Bookings by busy start, with the longest busy period: a search only visits those near a slot. */
function sortBookings(bookings: ExistingBooking[]): SortedBookings {
  let sorted = true;
  let longest = 0;
  for (let i = 0; i < bookings.length; i++) {
    const busy = bookings[i]!.busy;
    if (i && busy.start < bookings[i - 1]!.busy.start) sorted = false;
    if (busy.end - busy.start > longest) longest = busy.end - busy.start;
  }
  // The database hands them over in order most of the time: no copy, no sort then.
  const list = sorted ? bookings : [...bookings].sort((a, b) => a.busy.start - b.busy.start);
  return { list, longest };
}

/** Index of the first booking whose busy period starts at or after `at`. */
function firstStartingAt(list: ExistingBooking[], at: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]!.busy.start < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Places left at `start`: a same-service group appointment at that instant may still have room. */
function placesLeft(bookings: SortedBookings, service: ServiceSpec, start: number): number {
  const busyStart = start - service.bufferBeforeMinutes * MINUTE;
  const busyEnd = start + (service.durationMinutes + service.bufferAfterMinutes) * MINUTE;
  const list = bookings.list;
  let joinable: number | undefined;
  // Only bookings starting within `longest` before this busy period can overlap it.
  for (let i = firstStartingAt(list, busyStart - bookings.longest); i < list.length; i++) {
    const booking = list[i]!;
    if (booking.busy.start >= busyEnd) break;
    if (booking.busy.end <= busyStart) continue;
    if (service.capacity > 1 && booking.serviceId === service.id && booking.start === start) {
      joinable = booking.remaining;
      continue;
    }
    return 0;
  }
  return joinable ?? service.capacity;
}

export type OfferedTime = { start: number; end: number; locationId: string | null; remaining: number };

/**
 * What the public is offered (P1): one entry per start and location, the places of every provider free then
 * added up — the portal shows times, and a hold without a provider takes any of them. A week of ten
 * providers is several times smaller this way.
 */
export function offeredTimes(slots: Slot[]): OfferedTime[] {
  const times: OfferedTime[] = [];
  // Slots come sorted by start: the times of one start are the last few pushed.
  let firstOfStart = 0;
  for (const slot of slots) {
    if (times.length && times[times.length - 1]!.start !== slot.start) firstOfStart = times.length;
    let known: OfferedTime | undefined;
    for (let i = firstOfStart; i < times.length; i++) {
      if (times[i]!.start === slot.start && times[i]!.locationId === slot.locationId) known = times[i];
    }
    if (known) known.remaining += slot.remaining;
    else
      times.push({
        start: slot.start,
        end: slot.end,
        locationId: slot.locationId,
        remaining: slot.remaining,
      });
  }
  return times;
}
