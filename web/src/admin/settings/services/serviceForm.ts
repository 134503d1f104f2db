// S1: a service as the form edits it ↔ the API's service (GET/POST/PATCH /orgs/{orgId}/services). Pure.
import type { RequestBody, ResponseBody } from '../../../api/client';

export type Service = ResponseBody<'/api/v1/orgs/{orgId}/services', 'get'>[number];
export type ServiceBody = RequestBody<'/api/v1/orgs/{orgId}/services', 'post'>;

export type ServiceForm = {
  nameFr: string;
  nameEn: string;
  durationMinutes: number | string;
  locationIds: string[];
  isVideo: boolean;
  bookableOnline: boolean;
  capacity: number | string;
  /** Shown in hours (staff think "24 h before"), stored in minutes. */
  minNoticeHours: number | string;
  bufferBeforeMinutes: number | string;
  bufferAfterMinutes: number | string;
  oneUpcomingPerUser: boolean;
  color: string;
};

export const DEFAULT_SERVICE_COLOR = '#1c7ed6';

export function emptyServiceForm(): ServiceForm {
  return {
    nameFr: '',
    nameEn: '',
    durationMinutes: 30,
    locationIds: [],
    isVideo: false,
    bookableOnline: true,
    capacity: 1,
    minNoticeHours: 0,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    oneUpcomingPerUser: false,
    color: DEFAULT_SERVICE_COLOR,
  };
}

export function serviceToForm(service: Service): ServiceForm {
  return {
    nameFr: service.nameFr,
    nameEn: service.nameEn,
    durationMinutes: service.durationMinutes,
    locationIds: service.locationIds,
    isVideo: service.isVideo,
    bookableOnline: service.bookableOnline,
    capacity: service.capacity,
    minNoticeHours: service.minNoticeMinutes / 60,
    bufferBeforeMinutes: service.bufferBeforeMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    oneUpcomingPerUser: service.oneUpcomingPerUser,
    color: service.color,
  };
}

/** A number input's value as an integer; an emptied input sends `fallback` and lets the server judge. */
function toInteger(value: number | string, fallback: number): number {
  const parsed = typeof value === 'number' ? value : Number.parseFloat(value);
  return Number.isFinite(parsed) ? Math.round(parsed) : fallback;
}

export function formToServiceBody(form: ServiceForm): ServiceBody {
  const hours = typeof form.minNoticeHours === 'number' ? form.minNoticeHours : Number(form.minNoticeHours);
  return {
    nameFr: form.nameFr.trim(),
    nameEn: form.nameEn.trim(),
    durationMinutes: toInteger(form.durationMinutes, 0),
    locationIds: form.locationIds,
    isVideo: form.isVideo,
    bookableOnline: form.bookableOnline,
    capacity: toInteger(form.capacity, 0),
    minNoticeMinutes: Number.isFinite(hours) ? Math.round(hours * 60) : 0,
    bufferBeforeMinutes: toInteger(form.bufferBeforeMinutes, 0),
    bufferAfterMinutes: toInteger(form.bufferAfterMinutes, 0),
    oneUpcomingPerUser: form.oneUpcomingPerUser,
    color: form.color.toLowerCase(),
  };
}

/** The service's name in the interface language. */
export function serviceName(service: { nameFr: string; nameEn: string }, language: string): string {
  return language === 'en' ? service.nameEn : service.nameFr;
}

export function isArchived(service: Service): boolean {
  return service.archivedAt !== null && service.archivedAt !== undefined;
}
