// A provider's schedule (GET /orgs/{orgId}/schedule) → the calendar's events: appointments and red locks
// in the foreground; opening hours, closed time and absences as backgrounds. Pure, so it is unit-tested.
import type { TFunction } from 'i18next';
import type { ResponseBody } from '../../api/client';
import { localParts, minutesOfDay } from './zonedTime';

export type Schedule = ResponseBody<'/api/v1/orgs/{orgId}/schedule', 'get'>;
export type ScheduleAppointment = Schedule['appointments'][number];
export type ScheduleLock = Schedule['locks'][number];
export type ScheduleAbsence = Schedule['absences'][number];

export type ParticipantStatus = 'scheduled' | 'present' | 'absent' | 'not_eligible' | 'cancelled';
export const PARTICIPANT_STATUSES: readonly ParticipantStatus[] = [
  'scheduled',
  'present',
  'absent',
  'not_eligible',
  'cancelled',
];

/** What an event of the calendar stands for; kept in the event's extendedProps. */
export type EventMeta =
  | { kind: 'appointment'; appointment: ScheduleAppointment }
  | { kind: 'lock'; lock: ScheduleLock }
  | { kind: 'absence'; absence: ScheduleAbsence }
  | { kind: 'opening' }
  | { kind: 'closed' };

export type CalendarEvent = {
  id?: string;
  start: string;
  end: string;
  title?: string;
  display?: 'auto' | 'background';
  className?: string;
  extendedProps: { meta: EventMeta };
};

type Interval = { start: number; end: number };

/** The parts of [range] not covered by any of `covered` (the gaps between opening hours). */
export function gapsBetween(range: Interval, covered: Interval[]): Interval[] {
  const sorted = covered
    .map((item) => ({ start: Math.max(item.start, range.start), end: Math.min(item.end, range.end) }))
    .filter((item) => item.end > item.start)
    .sort((a, b) => a.start - b.start);
  const gaps: Interval[] = [];
  let cursor = range.start;
  for (const item of sorted) {
    if (item.start > cursor) gaps.push({ start: cursor, end: item.start });
    cursor = Math.max(cursor, item.end);
  }
  if (cursor < range.end) gaps.push({ start: cursor, end: range.end });
  return gaps;
}

/** One status for the marker: the participants' common status, or "mixed" in a group. */
export function overallStatus(appointment: ScheduleAppointment): ParticipantStatus | 'mixed' {
  const statuses = new Set(appointment.participants.map((p) => p.status));
  if (statuses.size === 0) return 'scheduled';
  if (statuses.size > 1) return 'mixed';
  const [status] = statuses;
  return PARTICIPANT_STATUSES.includes(status as ParticipantStatus) ? (status as ParticipantStatus) : 'mixed';
}

/** Lock reasons written by the server as codes are shown in words; others as staff typed them. */
export function lockReason(reason: string, t: TFunction): string {
  return reason === 'freed_by_cancellation' ? t('schedule.lockReasons.freedByCancellation') : reason;
}

/** Places taken in a group session (cancelled participants free theirs). */
export function placesTaken(appointment: ScheduleAppointment): number {
  return appointment.participants.filter((p) => p.status !== 'cancelled').length;
}

export function toCalendarEvents(
  schedule: Schedule,
  range: { start: Date; end: Date },
  labels: { serviceName: (name: { fr: string; en: string }) => string; locked: string; absent: string },
): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  const openings = schedule.openings.map((o) => ({
    start: Date.parse(o.startsAt),
    end: Date.parse(o.endsAt),
  }));
  for (const opening of schedule.openings) {
    events.push({
      start: opening.startsAt,
      end: opening.endsAt,
      display: 'background',
      className: 'creneau-opening',
      extendedProps: { meta: { kind: 'opening' } },
    });
  }
  for (const gap of gapsBetween({ start: range.start.getTime(), end: range.end.getTime() }, openings)) {
    events.push({
      start: new Date(gap.start).toISOString(),
      end: new Date(gap.end).toISOString(),
      display: 'background',
      className: 'creneau-closed',
      extendedProps: { meta: { kind: 'closed' } },
    });
  }
  for (const absence of schedule.absences) {
    events.push({
      id: `absence:${absence.id}`,
      start: absence.startsAt,
      end: absence.endsAt,
      title: absence.reason ? `${labels.absent} — ${absence.reason}` : labels.absent,
      display: 'background',
      className: 'creneau-absence',
      extendedProps: { meta: { kind: 'absence', absence } },
    });
  }
  for (const lock of schedule.locks) {
    events.push({
      id: `lock:${lock.id}`,
      start: lock.startsAt,
      end: lock.endsAt,
      title: labels.locked,
      className: 'creneau-lock',
      extendedProps: { meta: { kind: 'lock', lock } },
    });
  }
  for (const appointment of schedule.appointments) {
    events.push({
      id: `appointment:${appointment.id}`,
      start: appointment.startsAt,
      end: appointment.endsAt,
      title: appointment.meeting?.title ?? labels.serviceName(appointment.serviceName),
      className: `creneau-appointment creneau-status-${overallStatus(appointment)}${appointment.meeting ? ' creneau-meeting' : ''}`,
      extendedProps: { meta: { kind: 'appointment', appointment } },
    });
  }
  return events;
}

const HOUR = 60;
const DEFAULT_HOURS = { min: 7 * HOUR, max: 19 * HOUR };

function toDuration(minutes: number): string {
  const hours = Math.floor(minutes / HOUR);
  return `${String(hours).padStart(2, '0')}:00:00`;
}

/**
 * The hours the time grid shows: 07:00–19:00, widened to whole hours around every opening, appointment and
 * lock of the range (absences are left out: a week off would otherwise stretch the grid to the whole day).
 */
export function visibleHours(schedule: Schedule | undefined, timeZone: string): { min: string; max: string } {
  let { min, max } = DEFAULT_HOURS;
  const periods = schedule ? [...schedule.openings, ...schedule.appointments, ...schedule.locks] : [];
  for (const period of periods) {
    const start = localParts(period.startsAt, timeZone);
    const end = localParts(period.endsAt, timeZone);
    min = Math.min(min, minutesOfDay(period.startsAt, timeZone));
    max = Math.max(max, end.date === start.date ? minutesOfDay(period.endsAt, timeZone) : 24 * HOUR);
  }
  const floor = Math.floor(min / HOUR) * HOUR;
  const ceil = Math.min(24 * HOUR, Math.ceil(max / HOUR) * HOUR);
  return { min: toDuration(floor), max: toDuration(ceil) };
}
