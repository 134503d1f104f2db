// S2: a provider's weekly opening hours as the editor holds them (ranges per weekday) ↔ the rules of
// GET /availability and PUT /weekly-hours. Pure, so the mapping of server field errors back to the
// range that caused them is unit-tested.
import type { RequestBody, ResponseBody } from '../../../api/client';
import { shortTime } from '../zonedTime';

export type Availability = ResponseBody<'/api/v1/orgs/{orgId}/providers/{providerId}/availability', 'get'>;
type WeeklyHoursBody = RequestBody<'/api/v1/orgs/{orgId}/providers/{providerId}/weekly-hours', 'put'>;

/** ISO weekdays, Monday first. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export type RangeDraft = {
  key: string;
  weekday: number;
  startTime: string;
  endTime: string;
  locationId: string | null;
  serviceIds: string[];
  /** Kept as loaded: the editor does not change a rule's validity period. */
  validFrom: string | null;
  validUntil: string | null;
};

let nextKey = 0;
const newKey = () => `range-${++nextKey}`;

export function newRange(weekday: number, previous?: RangeDraft): RangeDraft {
  // A second range of the day starts where a morning usually ends; the first one at 09:00.
  const startTime = previous ? previous.endTime : '09:00';
  const endTime = previous ? (previous.endTime < '13:00' ? '17:00' : '20:00') : '12:00';
  return {
    key: newKey(),
    weekday,
    startTime: startTime >= endTime ? '13:00' : startTime,
    endTime: startTime >= endTime ? '17:00' : endTime,
    locationId: previous?.locationId ?? null,
    serviceIds: [],
    validFrom: null,
    validUntil: null,
  };
}

export function rulesToRanges(rules: Availability['rules']): RangeDraft[] {
  return rules.map((rule) => ({
    key: newKey(),
    weekday: rule.weekday,
    startTime: shortTime(rule.startTime),
    endTime: shortTime(rule.endTime),
    locationId: rule.locationId,
    serviceIds: rule.serviceIds ?? [],
    validFrom: rule.validFrom,
    validUntil: rule.validUntil,
  }));
}

/** The ranges in the order the body lists them: by weekday, then as shown within the day. */
export function orderedRanges(ranges: RangeDraft[]): RangeDraft[] {
  return WEEKDAYS.flatMap((weekday) => ranges.filter((range) => range.weekday === weekday));
}

export function rangesToBody(ranges: RangeDraft[]): WeeklyHoursBody {
  return {
    rules: orderedRanges(ranges).map((range) => ({
      weekday: range.weekday,
      startTime: range.startTime,
      endTime: range.endTime,
      locationId: range.locationId,
      serviceIds: range.serviceIds.length ? range.serviceIds : null,
      validFrom: range.validFrom,
      validUntil: range.validUntil,
    })),
  };
}

/** The body path ("rules.3.endTime") of a range's field, to find the server's message for it. */
export function rangeFieldPath(ranges: RangeDraft[], key: string, field: string): string {
  return `rules.${orderedRanges(ranges).findIndex((range) => range.key === key)}.${field}`;
}
