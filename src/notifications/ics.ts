// N2: the iCalendar file of an appointment email. New or moved: METHOD:REQUEST; cancelled: METHOD:CANCEL
// with STATUS:CANCELLED, the same UID and a higher SEQUENCE (the appointment's sequence is bumped on every
// move and cancellation), so calendar apps update or remove the event they already have.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export type IcsInput = {
  appointmentId: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location: string;
  description: string;
  organiser: { name: string; email: string };
  attendee?: { name: string; email: string };
  cancelled: boolean;
};

export function buildIcs(input: IcsInput): { method: 'REQUEST' | 'CANCEL'; content: string } {
  const method = input.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const calendar = ical({ prodId: { company: 'Créneau', product: 'Créneau', language: 'FR' }, method });
  calendar.createEvent({
    id: `${input.appointmentId}@creneau`,
    sequence: input.sequence,
    start: input.startsAt,
    end: input.endsAt,
    stamp: new Date(),
    summary: input.summary,
    location: input.location || undefined,
    description: input.description,
    organizer: input.organiser,
    attendees: input.attendee
      ? [{ name: input.attendee.name, email: input.attendee.email, rsvp: false }]
      : [],
    status: input.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return { method: input.cancelled ? 'CANCEL' : 'REQUEST', content: calendar.toString() };
}
