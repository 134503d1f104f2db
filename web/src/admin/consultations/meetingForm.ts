// The New meeting form as plain data and its translation into the API's body (POST /orgs/{orgId}/meetings):
// the date and start time are read on the organisation's clock, a repeat becomes `recurrence` with either a
// number of meetings or a last date — never both, as the server requires. Pure, so it is tested alone.
import type { RequestBody, ResponseBody } from '../../api/client';
import { toInstantIso } from '../schedule/zonedTime';

export type Meeting = ResponseBody<'/api/v1/orgs/{orgId}/meetings', 'get'>[number];
export type MeetingBody = RequestBody<'/api/v1/orgs/{orgId}/meetings', 'post'>;
export type Frequency = 'daily' | 'weekly' | 'monthly';
export type PickedPatient = { id: string; firstName: string; lastName: string };

export type MeetingForm = {
  hostId: string | null;
  serviceId: string | null;
  date: string;
  time: string;
  minutes: number | string;
  title: string;
  invitedStaffIds: string[];
  patient: PickedPatient | null;
  repeat: 'none' | Frequency;
  ends: 'count' | 'until';
  count: number | string;
  untilDate: string;
};

export const DEFAULT_SERIES_COUNT = 4;

export function emptyMeetingForm(initial: {
  hostId: string | null;
  date: string;
  time: string;
}): MeetingForm {
  return {
    ...initial,
    serviceId: null,
    minutes: 30,
    title: '',
    invitedStaffIds: [],
    patient: null,
    repeat: 'none',
    ends: 'count',
    count: DEFAULT_SERIES_COUNT,
    untilDate: '',
  };
}

/** A number typed in a NumberInput ('' while empty); 0 lets the server name the field it refuses. */
const whole = (value: number | string): number => (typeof value === 'number' ? value : Number(value) || 0);

function recurrenceOf(form: MeetingForm): MeetingBody['recurrence'] {
  if (form.repeat === 'none') return undefined;
  return form.ends === 'count'
    ? { frequency: form.repeat, count: whole(form.count) }
    : { frequency: form.repeat, untilDate: form.untilDate };
}

export function toMeetingBody(form: MeetingForm, timeZone: string): MeetingBody {
  const title = form.title.trim();
  return {
    // Empty values are sent as they are: the server's field errors then say what is missing, in place.
    hostId: form.hostId ?? '',
    serviceId: form.serviceId ?? '',
    startsAt: form.date && form.time ? toInstantIso(form.date, form.time, timeZone) : '',
    minutes: whole(form.minutes),
    invitedStaffIds: form.invitedStaffIds.filter((id) => id !== form.hostId),
    ...(title ? { title } : {}),
    ...(form.patient ? { userId: form.patient.id } : {}),
    ...(form.repeat === 'none' ? {} : { recurrence: recurrenceOf(form) }),
  };
}

/** "4830192765" → "483 019 2765": read aloud and typed on a phone. */
export const formatMeetingCode = (code: string): string =>
  code.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3');

export const personName = (person: { firstName: string; lastName: string }): string =>
  `${person.firstName} ${person.lastName}`;

export const meetingMinutes = (meeting: Pick<Meeting, 'startsAt' | 'endsAt'>): number =>
  Math.round((Date.parse(meeting.endsAt) - Date.parse(meeting.startsAt)) / 60_000);

/** The meeting's own title, else its service's name in the interface's language. */
export const meetingName = (meeting: Pick<Meeting, 'title' | 'service'>, language: string): string =>
  meeting.title ?? (language === 'en' ? meeting.service.nameEn : meeting.service.nameFr);
