// SPEC S3: slot search for a service over a date range, for staff (locks shown) or the public (locks,
// notice and the past removed). One function serves the admin schedule, the portal and booking checks.
import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../db/client.ts';
import type { organisations } from '../db/schema.ts';
import { fieldError } from '../errors.ts';
import { assertRange, loadCalendars, loadService, type ServiceRow, toServiceSpec } from './calendars.ts';
import { findFreeSlots, type Slot } from './slots.ts';

export const MAX_SEARCH_DAYS = 62;

export type SlotSearch = {
  organisation: typeof organisations.$inferSelect;
  serviceId: string;
  providerId?: string;
  locationId?: string;
  fromDate: string;
  toDate: string;
  audience: 'staff' | 'public';
  now?: Date;
  stepMinutes?: number;
  /** The appointment being moved: its own current time does not count as busy. */
  ignoreAppointmentId?: string;
  /** false: opening hours only, bookings and locks left to the caller (see loadCalendars). */
  withOccupancy?: boolean;
  /** Already loaded by the caller (a booking's checks): not read again. */
  service?: ServiceRow & { locationIds: string[] };
};

export async function searchSlots(db: DbOrTx, search: SlotSearch): Promise<Slot[]> {
  assertRange(search.fromDate, search.toDate, MAX_SEARCH_DAYS);
  const now = search.now ?? new Date();
  // The service and the calendars (with the organisation's providers, or the one asked for) in parallel.
  const [serviceRead, calendarsRead] = await Promise.allSettled([
    search.service ?? loadService(db, search.organisation.id, search.serviceId),
    loadCalendars(db, {
      organisationId: search.organisation.id,
      timeZone: search.organisation.timeZone,
      providerId: search.providerId,
      fromDate: search.fromDate,
      toDate: search.toDate,
      now,
      ignoreAppointmentId: search.ignoreAppointmentId,
      withOccupancy: search.withOccupancy,
    }),
  ]);
  // The same errors as reading them one after the other: the service's first.
  if (serviceRead.status === 'rejected') throw serviceRead.reason;
  if (calendarsRead.status === 'rejected') throw calendarsRead.reason;
  const service = serviceRead.value;
  const calendars = calendarsRead.value;
  if (search.providerId && !calendars.length) throw fieldError('providerId', 'not_a_provider');
  const spec = toServiceSpec(service);
  return findFreeSlots(calendars, search.audience === 'public' ? spec : { ...spec, minNoticeMinutes: 0 }, {
    timeZone: search.organisation.timeZone,
    fromDate: search.fromDate,
    toDate: search.toDate,
    now: now.getTime(),
    includeLocked: search.audience === 'staff',
    locationId: search.locationId,
    stepMinutes: search.stepMinutes,
  });
}

/** The organisation-local date of an instant. */
export function localDate(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/** Whether a booking at `startsAt` matches a slot the audience may book. */
export async function findMatchingSlot(
  db: DbOrTx,
  search: Omit<SlotSearch, 'fromDate' | 'toDate'> & { startsAt: Date; providerId: string },
): Promise<Slot | undefined> {
  const date = localDate(search.startsAt, search.organisation.timeZone);
  // Staff may start at any 5-minute mark inside opening hours; the public books the offered slots.
  const stepMinutes = search.audience === 'staff' ? 5 : undefined;
  const slots = await searchSlots(db, { ...search, fromDate: date, toDate: date, stepMinutes });
  return slots.find(
    (slot) =>
      slot.start === search.startsAt.getTime() &&
      slot.providerId === search.providerId &&
      (!search.locationId || slot.locationId === search.locationId),
  );
}
