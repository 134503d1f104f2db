// The API shapes of the booking flow, from the generated client types.
import type { RequestBody, ResponseBody } from '../../api/client';

export type PublicService = ResponseBody<'/api/v1/public/organisations/{slug}/services', 'get'>[number];
export type PublicSlot = ResponseBody<
  '/api/v1/public/organisations/{slug}/services/{serviceId}/slots',
  'get'
>[number];
export type HoldReply = ResponseBody<'/api/v1/public/organisations/{slug}/holds', 'post', 201>;
export type BookingReply = ResponseBody<'/api/v1/public/organisations/{slug}/bookings', 'post', 201>;
export type GuestBody = NonNullable<
  RequestBody<'/api/v1/public/organisations/{slug}/bookings', 'post'>['guest']
>;

/** A held slot (with the provider and location the server chose) while the form is filled in (S10). */
export type Hold = HoldReply & { serviceId: string };

/** What the confirmation page shows, handed over in the router's state. */
export type ConfirmationState = {
  booking: BookingReply;
  serviceName: { fr: string; en: string };
  isVideo: boolean;
  location: { name: string; address: string | null } | null;
};

export function serviceName(service: { nameFr: string; nameEn: string }, language: string): string {
  return language === 'en' ? service.nameEn : service.nameFr;
}
