// R1: the report controls — default period (the previous, current and next month in the organisation's
// time zone), the API query they make, the CSV link with the same query, and how periods are named.
import { Temporal } from 'temporal-polyfill';
import type { paths, ResponseBody } from '../../api/client';
import { addDays, todayIn, toInstantIso } from '../schedule/zonedTime';

export type ReportQuery = paths['/api/v1/orgs/{orgId}/reports/appointments']['get']['parameters']['query'];
export type Report = ResponseBody<'/api/v1/orgs/{orgId}/reports/appointments', 'get'>;
export type Counts = Report['totals'];
export type GroupBy = ReportQuery['groupBy'];
export type Interval = ReportQuery['interval'];

export const GROUP_BYS: readonly GroupBy[] = ['service', 'provider', 'location'];
export const INTERVALS: readonly Interval[] = ['week', 'month'];

export type ReportFilters = {
  /** First local date (YYYY-MM-DD). */
  from: string;
  /** Last local date, inclusive. */
  to: string;
  groupBy: GroupBy;
  interval: Interval;
  providerId: string | null;
  serviceId: string | null;
  locationId: string | null;
};

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function defaultReportFilters(timeZone: string, today: string = todayIn(timeZone)): ReportFilters {
  const firstOfMonth = Temporal.PlainDate.from(today).with({ day: 1 });
  return {
    from: firstOfMonth.subtract({ months: 1 }).toString(),
    to: firstOfMonth.add({ months: 2 }).subtract({ days: 1 }).toString(),
    groupBy: 'service',
    interval: 'week',
    providerId: null,
    serviceId: null,
    locationId: null,
  };
}

export function isValidReportPeriod(filters: Pick<ReportFilters, 'from' | 'to'>): boolean {
  return LOCAL_DATE.test(filters.from) && LOCAL_DATE.test(filters.to) && filters.from <= filters.to;
}

export function toReportQuery(filters: ReportFilters, timeZone: string): ReportQuery {
  return {
    from: toInstantIso(filters.from, '00:00', timeZone),
    to: toInstantIso(addDays(filters.to, 1), '00:00', timeZone),
    groupBy: filters.groupBy,
    interval: filters.interval,
    ...(filters.providerId ? { providerId: filters.providerId } : {}),
    ...(filters.serviceId ? { serviceId: filters.serviceId } : {}),
    ...(filters.locationId ? { locationId: filters.locationId } : {}),
  };
}

/** The CSV export of the same query; a plain link works because the session cookie goes with it. */
export function csvHref(organisationId: string, query: ReportQuery): string {
  const params = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
  return `/api/v1/orgs/${organisationId}/reports/appointments.csv?${params}`;
}

export function countTotal(counts: Counts): number {
  return counts.scheduled + counts.present + counts.absent + counts.not_eligible + counts.cancelled;
}

/** A period's start date in words: "3 nov. 2026" for a week, "novembre 2026" for a month. */
export function formatPeriodStart(period: string, interval: Interval, language: string): string {
  // A plain date has no zone: format it at noon UTC so no zone can move it to another day.
  const date = new Date(`${period}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return period;
  const options: Intl.DateTimeFormatOptions =
    interval === 'month'
      ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(language, options).format(date);
}

/** The largest bar rounded up to 1, 2 or 5 × 10ⁿ, and the axis ticks under it (integers only). */
export function chartScale(maximum: number): { top: number; ticks: number[] } {
  if (maximum <= 0) return { top: 1, ticks: [0, 1] };
  const magnitude = 10 ** Math.floor(Math.log10(maximum));
  const top = [1, 2, 5, 10].map((factor) => factor * magnitude).find((value) => value >= maximum) ?? maximum;
  const step = [top / 4, top / 5, top / 2, top].find(Number.isInteger) ?? top;
  const ticks: number[] = [];
  for (let value = 0; value <= top; value += step) ticks.push(value);
  return { top, ticks };
}

/** The most periods drawn one by one; a longer range shows only the periods that have appointments. */
const MAX_FILLED_PERIODS = 120;

/**
 * Every week (from its Monday, as PostgreSQL's date_trunc) or month of [from, to], with zeros where nothing
 * happened — the server only returns periods that have appointments, and a time axis must not skip any.
 */
export function fillPeriods(
  series: Report['series'],
  from: string,
  to: string,
  interval: Interval,
): Report['series'] {
  const counts = new Map(series.map((point) => [point.period, point.counts]));
  const start = Temporal.PlainDate.from(from);
  let cursor = interval === 'month' ? start.with({ day: 1 }) : start.subtract({ days: start.dayOfWeek - 1 });
  const end = Temporal.PlainDate.from(to);
  const filled: Report['series'] = [];
  while (Temporal.PlainDate.compare(cursor, end) <= 0) {
    if (filled.length === MAX_FILLED_PERIODS) return series;
    const period = cursor.toString();
    filled.push({
      period,
      counts: counts.get(period) ?? { scheduled: 0, present: 0, absent: 0, not_eligible: 0, cancelled: 0 },
    });
    counts.delete(period);
    cursor = cursor.add(interval === 'month' ? { months: 1 } : { weeks: 1 });
  }
  // Anything the server grouped differently is kept rather than lost.
  for (const [period, rest] of counts) filled.push({ period, counts: rest });
  return filled.sort((a, b) => a.period.localeCompare(b.period));
}
