// @vitest-environment node
// S1/S11: the service form's values ↔ the API body (notice typed in hours, stored in minutes).
import { describe, expect, it } from 'vitest';
import { emptyServiceForm, formToServiceBody, type Service, serviceName, serviceToForm } from './serviceForm';

const service: Service = {
  id: 's1',
  nameFr: 'Atelier',
  nameEn: 'Workshop',
  durationMinutes: 60,
  isVideo: false,
  bookableOnline: false,
  capacity: 8,
  minNoticeMinutes: 90,
  bufferBeforeMinutes: 5,
  bufferAfterMinutes: 10,
  oneUpcomingPerUser: true,
  color: '#2F9E44',
  locationIds: ['loc-a'],
  archivedAt: null,
};

describe('S1: service form', () => {
  it('S1/S11: a service edited without changes is sent back as it was', () => {
    const { id: _id, archivedAt: _archivedAt, ...fields } = service;
    expect(formToServiceBody(serviceToForm(service))).toEqual({ ...fields, color: '#2f9e44' });
  });

  it('S1: names are trimmed and notice hours become minutes', () => {
    const body = formToServiceBody({
      ...emptyServiceForm(),
      nameFr: '  Suivi ',
      nameEn: 'Follow-up ',
      minNoticeHours: 24,
    });
    expect(body).toMatchObject({ nameFr: 'Suivi', nameEn: 'Follow-up', minNoticeMinutes: 1440, capacity: 1 });
  });

  it('S1: an emptied number is sent as 0 so the server names the field', () => {
    expect(formToServiceBody({ ...emptyServiceForm(), durationMinutes: '' }).durationMinutes).toBe(0);
  });

  it('S1: the name follows the interface language', () => {
    expect(serviceName(service, 'fr')).toBe('Atelier');
    expect(serviceName(service, 'en')).toBe('Workshop');
  });
});
