// @vitest-environment node
// S9: what the calendar shows for a provider's schedule — closed time between opening hours, the status
// marker of an appointment, the places of a group session and the hours of the grid.
import { describe, expect, it } from 'vitest';
import {
  gapsBetween,
  overallStatus,
  placesTaken,
  type Schedule,
  type ScheduleAppointment,
  toCalendarEvents,
  visibleHours,
} from './scheduleEvents';

const TZ = 'America/Toronto';
const participant = (status: string, name = 'Léa Dubois') => ({
  id: crypto.randomUUID(),
  userId: crypto.randomUUID(),
  name,
  status,
});
const appointment = (overrides: Partial<ScheduleAppointment> = {}): ScheduleAppointment => ({
  id: 'a1',
  meeting: null,
  startsAt: '2026-12-02T15:00:00.000Z',
  endsAt: '2026-12-02T15:30:00.000Z',
  serviceId: 's1',
  serviceName: { fr: 'Consultation', en: 'Visit' },
  color: '#1c7ed6',
  locationId: null,
  capacity: 1,
  participants: [participant('scheduled')],
  ...overrides,
});
const schedule = (overrides: Partial<Schedule> = {}): Schedule => ({
  appointments: [],
  locks: [],
  absences: [],
  openings: [],
  ...overrides,
});
const labels = { serviceName: (name: { fr: string }) => name.fr, locked: 'Verrouillé', absent: 'Absent' };

describe('S9: schedule events', () => {
  it('S9: closed time is what the opening hours leave uncovered', () => {
    expect(
      gapsBetween({ start: 0, end: 100 }, [
        { start: 10, end: 30 },
        { start: 20, end: 40 },
        { start: 90, end: 120 },
      ]),
    ).toEqual([
      { start: 0, end: 10 },
      { start: 40, end: 90 },
    ]);
    expect(gapsBetween({ start: 0, end: 100 }, [])).toEqual([{ start: 0, end: 100 }]);
  });

  it('S6: the marker shows the participants’ common status, or several statuses in a group', () => {
    expect(overallStatus(appointment())).toBe('scheduled');
    expect(
      overallStatus(appointment({ participants: [participant('present'), participant('present')] })),
    ).toBe('present');
    expect(
      overallStatus(appointment({ participants: [participant('present'), participant('absent')] })),
    ).toBe('mixed');
  });

  it('S1: a group session counts its places taken, cancelled participants excluded', () => {
    const group = appointment({
      capacity: 6,
      participants: [participant('scheduled'), participant('cancelled'), participant('present')],
    });
    expect(placesTaken(group)).toBe(2);
  });

  it('S5/S9: appointments and locks are events; openings, closed time and absences are backgrounds', () => {
    const range = { start: new Date('2026-12-02T05:00:00Z'), end: new Date('2026-12-03T05:00:00Z') };
    const events = toCalendarEvents(
      schedule({
        appointments: [appointment()],
        locks: [{ id: 'l1', startsAt: '2026-12-02T19:00:00Z', endsAt: '2026-12-02T20:00:00Z', reason: null }],
        absences: [
          { id: 'b1', startsAt: '2026-12-02T21:00:00Z', endsAt: '2026-12-02T22:00:00Z', reason: 'Formation' },
        ],
        openings: [{ startsAt: '2026-12-02T14:00:00Z', endsAt: '2026-12-02T22:00:00Z', locationId: null }],
      }),
      range,
      labels,
    );
    const byKind = (kind: string) => events.filter((e) => e.extendedProps.meta.kind === kind);
    expect(byKind('opening')).toHaveLength(1);
    expect(byKind('closed').map((e) => [e.start, e.end])).toEqual([
      ['2026-12-02T05:00:00.000Z', '2026-12-02T14:00:00.000Z'],
      ['2026-12-02T22:00:00.000Z', '2026-12-03T05:00:00.000Z'],
    ]);
    expect(byKind('absence')[0]).toMatchObject({ display: 'background', title: 'Absent — Formation' });
    expect(byKind('lock')[0]).toMatchObject({ title: 'Verrouillé', className: 'creneau-lock' });
    expect(byKind('appointment')[0]).toMatchObject({
      title: 'Consultation',
      className: 'creneau-appointment creneau-status-scheduled',
    });
  });

  it('S9: the grid shows 07:00–19:00, widened to whole hours around what happens earlier or later', () => {
    expect(visibleHours(undefined, TZ)).toEqual({ min: '07:00:00', max: '19:00:00' });
    const early = schedule({
      openings: [{ startsAt: '2026-12-02T11:30:00Z', endsAt: '2026-12-03T01:15:00Z', locationId: null }],
    });
    expect(visibleHours(early, TZ)).toEqual({ min: '06:00:00', max: '21:00:00' });
    const pastMidnight = schedule({
      locks: [{ id: 'l1', startsAt: '2026-12-03T03:00:00Z', endsAt: '2026-12-03T06:00:00Z', reason: null }],
    });
    expect(visibleHours(pastMidnight, TZ).max).toBe('24:00:00');
  });
});
