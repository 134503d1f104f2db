// The New meeting form's body: local date and time on the organisation's clock, the repeat as `recurrence`
// with a count or a last date (never both), the host never among the invited, empty optional fields left out.
import { describe, expect, it } from 'vitest';
import { emptyMeetingForm, formatMeetingCode, meetingName, toMeetingBody } from './meetingForm';

const base = {
  ...emptyMeetingForm({ hostId: 'host', date: '2026-11-03', time: '09:30' }),
  serviceId: 'video',
  minutes: 45,
};

describe('V1/V4: new meeting body', () => {
  it('V1: reads the date and time in the organisation’s zone and leaves optional fields out', () => {
    expect(toMeetingBody(base, 'America/Toronto')).toEqual({
      hostId: 'host',
      serviceId: 'video',
      startsAt: '2026-11-03T14:30:00Z',
      minutes: 45,
      invitedStaffIds: [],
    });
  });

  it('V1: keeps the title, the patient and the invited providers except the host', () => {
    const body = toMeetingBody(
      {
        ...base,
        title: '  Team meeting ',
        invitedStaffIds: ['host', 'other'],
        patient: { id: 'user', firstName: 'Léa', lastName: 'Bouchard' },
      },
      'America/Toronto',
    );
    expect(body).toMatchObject({ title: 'Team meeting', invitedStaffIds: ['other'], userId: 'user' });
  });

  it('V4: a repeat sends either the number of meetings or the last date', () => {
    const weekly = { ...base, repeat: 'weekly' as const };
    expect(toMeetingBody({ ...weekly, count: 3 }, 'UTC').recurrence).toEqual({
      frequency: 'weekly',
      count: 3,
    });
    expect(toMeetingBody({ ...weekly, ends: 'until', untilDate: '2026-12-01' }, 'UTC').recurrence).toEqual({
      frequency: 'weekly',
      untilDate: '2026-12-01',
    });
  });

  it('V1: missing values go to the server empty, so its field errors name them', () => {
    const body = toMeetingBody({ ...base, serviceId: null, time: '', minutes: '' }, 'UTC');
    expect(body).toMatchObject({ serviceId: '', startsAt: '', minutes: 0 });
  });
});

describe('V6: meeting text', () => {
  it('V6: groups the meeting ID as 3-3-4 digits', () => {
    expect(formatMeetingCode('4830192765')).toBe('483 019 2765');
  });

  it('V6: a meeting without a title is named by its service', () => {
    const service = { id: 's', nameFr: 'Téléconsultation', nameEn: 'Video consultation' };
    expect(meetingName({ title: null, service }, 'fr')).toBe('Téléconsultation');
    expect(meetingName({ title: 'Réunion', service }, 'en')).toBe('Réunion');
  });
});
