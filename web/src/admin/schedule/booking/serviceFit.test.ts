// @vitest-environment node
// S4: the booking form offers the services that fit at the clicked time, judged from the schedule shown.
import { describe, expect, it } from 'vitest';
import type { Schedule } from '../scheduleEvents';
import type { Service } from '../useSchedulingLists';
import { activeServices, serviceFitsAt } from './serviceFit';

const service = (overrides: Partial<Service> = {}): Service => ({
  id: 's1',
  nameFr: 'Consultation',
  nameEn: 'Visit',
  durationMinutes: 30,
  isVideo: false,
  bookableOnline: true,
  capacity: 1,
  minNoticeMinutes: 0,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  oneUpcomingPerUser: false,
  color: '#1c7ed6',
  locationIds: [],
  archivedAt: null,
  ...overrides,
});
const opening = { startsAt: '2026-12-02T14:00:00Z', endsAt: '2026-12-02T17:00:00Z', locationId: 'loc-a' };
const schedule = (appointments: Schedule['appointments'] = []): Schedule => ({
  appointments,
  locks: [],
  absences: [],
  openings: [opening],
});
const at = (iso: string) => Date.parse(iso);
const booked = (overrides: Partial<Schedule['appointments'][number]> = {}) => ({
  id: 'a1',
  meeting: null,
  startsAt: '2026-12-02T15:00:00Z',
  endsAt: '2026-12-02T15:30:00Z',
  serviceId: 's1',
  serviceName: { fr: 'Consultation', en: 'Visit' },
  color: '#1c7ed6',
  locationId: 'loc-a',
  capacity: 1,
  participants: [{ id: 'p1', userId: 'u1', name: 'Léa Dubois', status: 'scheduled' }],
  ...overrides,
});

describe('S4: services that fit a clicked time', () => {
  it('S4: a service fits inside opening hours, at a location where it is offered', () => {
    expect(serviceFitsAt(service(), schedule(), at('2026-12-02T14:00:00Z'))).toBe(true);
    expect(serviceFitsAt(service(), schedule(), at('2026-12-02T16:45:00Z'))).toBe(false);
    expect(serviceFitsAt(service(), schedule(), at('2026-12-02T13:30:00Z'))).toBe(false);
    expect(serviceFitsAt(service({ locationIds: ['loc-b'] }), schedule(), at('2026-12-02T14:00:00Z'))).toBe(
      false,
    );
  });

  it('S4: a service does not fit over another appointment or its buffers', () => {
    const busy = schedule([booked()]);
    expect(serviceFitsAt(service(), busy, at('2026-12-02T15:00:00Z'))).toBe(false);
    expect(serviceFitsAt(service(), busy, at('2026-12-02T15:30:00Z'))).toBe(true);
    expect(serviceFitsAt(service({ bufferBeforeMinutes: 10 }), busy, at('2026-12-02T15:30:00Z'))).toBe(false);
  });

  it('S1: a group session of the same service still takes people while places are left', () => {
    const group = service({ capacity: 2 });
    expect(serviceFitsAt(group, schedule([booked({ capacity: 2 })]), at('2026-12-02T15:00:00Z'))).toBe(true);
    const full = booked({
      capacity: 2,
      participants: [
        { id: 'p1', userId: 'u1', name: 'A', status: 'scheduled' },
        { id: 'p2', userId: 'u2', name: 'B', status: 'scheduled' },
      ],
    });
    expect(serviceFitsAt(group, schedule([full]), at('2026-12-02T15:00:00Z'))).toBe(false);
  });

  it('S1: archived services are not offered', () => {
    expect(
      activeServices([service(), service({ id: 's2', archivedAt: '2026-01-01T00:00:00Z' })]),
    ).toHaveLength(1);
  });
});
