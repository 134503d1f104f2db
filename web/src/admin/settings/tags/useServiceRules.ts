// U10: which tags make which services of the organisation unavailable online, read per service
// (GET …/services/{serviceId}/tag-rules) and seen per tag; changing a tag's services rewrites the rules of
// the services that changed (PUT per service).
import { useCallback } from 'react';
import { api, type ResponseBody, unwrap } from '../../../api/client';
import { useLoader } from '../../../components/useLoader';

export type StaffService = ResponseBody<'/api/v1/orgs/{orgId}/services', 'get'>[number];
type Rules = { services: StaffService[]; tagIdsByService: Map<string, string[]> };

export function useServiceRules(organisationId: string) {
  const loader = useLoader(async (): Promise<Rules> => {
    const all = await unwrap(
      api.GET('/api/v1/orgs/{orgId}/services', { params: { path: { orgId: organisationId } } }),
    );
    const services = all.filter((service) => !service.archivedAt);
    const rules = await Promise.all(
      services.map((service) =>
        unwrap(
          api.GET('/api/v1/orgs/{orgId}/services/{serviceId}/tag-rules', {
            params: { path: { orgId: organisationId, serviceId: service.id } },
          }),
        ),
      ),
    );
    return {
      services,
      tagIdsByService: new Map(services.map((service, index) => [service.id, rules[index]?.tagIds ?? []])),
    };
  }, [organisationId]);
  const { setData } = loader;

  const servicesOfTag = useCallback(
    (tagId: string) =>
      [...(loader.data?.tagIdsByService ?? new Map<string, string[]>())]
        .filter(([, tagIds]) => tagIds.includes(tagId))
        .map(([serviceId]) => serviceId),
    [loader.data],
  );

  /** Makes exactly `serviceIds` unavailable for the tag; throws an ApiError when a write fails. */
  const setServicesOfTag = useCallback(
    async (tagId: string, serviceIds: string[]) => {
      const current = loader.data?.tagIdsByService ?? new Map<string, string[]>();
      const changes = [...current].flatMap(([serviceId, tagIds]) => {
        const isWanted = serviceIds.includes(serviceId);
        if (isWanted === tagIds.includes(tagId)) return [];
        return [{ serviceId, tagIds: isWanted ? [...tagIds, tagId] : tagIds.filter((id) => id !== tagId) }];
      });
      for (const { serviceId, tagIds } of changes) {
        const saved = await unwrap(
          api.PUT('/api/v1/orgs/{orgId}/services/{serviceId}/tag-rules', {
            params: { path: { orgId: organisationId, serviceId } },
            body: { tagIds },
          }),
        );
        setData(
          (data) =>
            data && { ...data, tagIdsByService: new Map(data.tagIdsByService).set(serviceId, saved.tagIds) },
        );
      }
    },
    [loader.data, organisationId, setData],
  );

  return { ...loader, servicesOfTag, setServicesOfTag };
}
