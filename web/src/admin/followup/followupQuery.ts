// F1: the follow-up filters — their defaults (today −7 to +30 days in the organisation's time zone), how they
// live in the address bar (so "back" from a user record returns to the same list), and the API query.
import type { paths, ResponseBody } from '../../api/client';
import { addDays, todayIn, toInstantIso } from '../schedule/zonedTime';
import { isParticipantStatus, type ParticipantStatus } from './status';

export type FollowupPage = ResponseBody<'/api/v1/orgs/{orgId}/followup', 'get'>;
export type FollowupRow = FollowupPage['items'][number];
export type FollowupQuery = paths['/api/v1/orgs/{orgId}/followup']['get']['parameters']['query'];
export type SortOrder = FollowupQuery['order'];

export type FollowupFilters = {
  /** First local date shown (YYYY-MM-DD). */
  from: string;
  /** Last local date shown, inclusive. */
  to: string;
  providerId: string | null;
  serviceId: string | null;
  locationId: string | null;
  statuses: ParticipantStatus[];
  q: string;
  order: SortOrder;
};

export const DAYS_BEFORE_TODAY = 7;
export const DAYS_AFTER_TODAY = 30;
export const PAGE_SIZE = 50;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function defaultFilters(timeZone: string, today: string = todayIn(timeZone)): FollowupFilters {
  return {
    from: addDays(today, -DAYS_BEFORE_TODAY),
    to: addDays(today, DAYS_AFTER_TODAY),
    providerId: null,
    serviceId: null,
    locationId: null,
    statuses: [],
    q: '',
    order: 'asc',
  };
}

export function isValidPeriod(filters: Pick<FollowupFilters, 'from' | 'to'>): boolean {
  return LOCAL_DATE.test(filters.from) && LOCAL_DATE.test(filters.to) && filters.from <= filters.to;
}

/** The filters written in the address (anything missing or malformed falls back to the defaults). */
export function filtersFromParams(params: URLSearchParams, defaults: FollowupFilters): FollowupFilters {
  const date = (key: string, fallback: string) => {
    const value = params.get(key);
    return value && LOCAL_DATE.test(value) ? value : fallback;
  };
  const id = (key: string) => {
    const value = params.get(key);
    return value && UUID.test(value) ? value : null;
  };
  return {
    from: date('from', defaults.from),
    to: date('to', defaults.to),
    providerId: id('provider'),
    serviceId: id('service'),
    locationId: id('location'),
    statuses: (params.get('status') ?? '').split(',').filter(isParticipantStatus),
    q: params.get('q') ?? '',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
  };
}

/** The address parameters of the filters: only what differs from the defaults. */
export function filtersToParams(filters: FollowupFilters, defaults: FollowupFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.from !== defaults.from) params.from = filters.from;
  if (filters.to !== defaults.to) params.to = filters.to;
  if (filters.providerId) params.provider = filters.providerId;
  if (filters.serviceId) params.service = filters.serviceId;
  if (filters.locationId) params.location = filters.locationId;
  if (filters.statuses.length) params.status = filters.statuses.join(',');
  if (filters.q.trim()) params.q = filters.q.trim();
  if (filters.order !== 'asc') params.order = filters.order;
  return params;
}

/** The API query: local dates become instants in the organisation's zone; `to` ends at the next midnight. */
export function toFollowupQuery(filters: FollowupFilters, timeZone: string): FollowupQuery {
  return {
    from: toInstantIso(filters.from, '00:00', timeZone),
    to: toInstantIso(addDays(filters.to, 1), '00:00', timeZone),
    ...(filters.providerId ? { providerId: filters.providerId } : {}),
    ...(filters.serviceId ? { serviceId: filters.serviceId } : {}),
    ...(filters.locationId ? { locationId: filters.locationId } : {}),
    ...(filters.statuses.length ? { status: filters.statuses } : {}),
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    order: filters.order,
    limit: PAGE_SIZE,
  };
}
