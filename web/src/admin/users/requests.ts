// The reads shared by several Users screens: the type-ahead search, and one record for its page.
import { api, toApiError, unwrap } from '../../api/client';
import type { UserDetail } from './types';

export const PAGE_SIZE = 25;

/** One page of the search (names without accents, email, phone in any format, birth date). */
export function searchUsers(organisationId: string, q: string, cursor?: string, limit = PAGE_SIZE) {
  return unwrap(
    api.GET('/api/v1/orgs/{orgId}/users', {
      params: {
        path: { orgId: organisationId },
        query: { limit, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) },
      },
    }),
  );
}

export type LoadedUser = { user: UserDetail; keptId?: undefined } | { user?: undefined; keptId: string };

/**
 * A record merged away answers 410 `user_merged` with the kept record's id: that is not a failure but a
 * forwarding address.
 */
export async function loadUser(organisationId: string, userId: string): Promise<LoadedUser> {
  const { data, error, response } = await api.GET('/api/v1/orgs/{orgId}/users/{userId}', {
    params: { path: { orgId: organisationId, userId } },
  });
  if (response.ok && data) return { user: data };
  const keptId = error?.error.details?.keptId;
  if (response.status === 410 && error?.error.code === 'user_merged' && typeof keptId === 'string') {
    return { keptId };
  }
  throw toApiError(error, response.status);
}
