// The organisation's locations and services, which the schedule and the availability editor both offer.
import { api, type ResponseBody, unwrap } from '../../api/client';
import { useLoader } from '../../components/useLoader';

export type Location = ResponseBody<'/api/v1/orgs/{orgId}/locations', 'get'>[number];
export type Service = ResponseBody<'/api/v1/orgs/{orgId}/services', 'get'>[number];

export function useSchedulingLists(organisationId: string) {
  return useLoader(async () => {
    const path = { orgId: organisationId };
    const [locations, services] = await Promise.all([
      unwrap(api.GET('/api/v1/orgs/{orgId}/locations', { params: { path } })),
      unwrap(api.GET('/api/v1/orgs/{orgId}/services', { params: { path } })),
    ]);
    return { locations, services };
  }, [organisationId]);
}
