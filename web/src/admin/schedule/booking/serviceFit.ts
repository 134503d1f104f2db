// Which services fit at a clicked time, judged from the schedule already on screen: inside opening hours
// (at a location the service is offered at) and clear of other appointments. A hint for the booking form
// only — the server decides (slot_unavailable) when the booking is sent.

import type { Schedule } from '../scheduleEvents';
import type { Service } from '../useSchedulingLists';

const MINUTE = 60_000;

type Overlappable = { start: number; end: number };
const overlaps = (a: Overlappable, b: Overlappable) => a.start < b.end && b.start < a.end;

export function serviceFitsAt(service: Service, schedule: Schedule, startsAt: number): boolean {
  const end = startsAt + service.durationMinutes * MINUTE;
  const isOpen = schedule.openings.some((opening) => {
    const inside = Date.parse(opening.startsAt) <= startsAt && end <= Date.parse(opening.endsAt);
    const offeredHere =
      !opening.locationId || !service.locationIds.length || service.locationIds.includes(opening.locationId);
    return inside && offeredHere;
  });
  if (!isOpen) return false;
  const busy = {
    start: startsAt - service.bufferBeforeMinutes * MINUTE,
    end: end + service.bufferAfterMinutes * MINUTE,
  };
  return schedule.appointments.every((appointment) => {
    const other = { start: Date.parse(appointment.startsAt), end: Date.parse(appointment.endsAt) };
    if (!overlaps(busy, other)) return true;
    // A group session of the same service at the same time can still take people while places are left.
    const taken = appointment.participants.filter((p) => p.status !== 'cancelled').length;
    return appointment.serviceId === service.id && other.start === startsAt && taken < appointment.capacity;
  });
}

/** Services that can be booked at all: not archived. */
export function activeServices(services: Service[]): Service[] {
  return services.filter((service) => !service.archivedAt);
}
