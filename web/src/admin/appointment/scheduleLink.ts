// The address of an appointment in the Schedule tab: /admin/schedule?appointment=<id> opens its drawer
// there and brings its week and provider into view; provider and date, when known, place the calendar at once.
export const APPOINTMENT_PARAM = 'appointment';

export function scheduleHref(appointmentId: string, place?: { providerId: string; date: string }): string {
  const params = new URLSearchParams();
  if (place) {
    params.set('provider', place.providerId);
    params.set('date', place.date);
  }
  params.set(APPOINTMENT_PARAM, appointmentId);
  return `/admin/schedule?${params.toString()}`;
}
