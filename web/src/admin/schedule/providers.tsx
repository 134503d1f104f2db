// Whose schedule a staff member may see and edit (S9/S2): admins and agents choose any provider of the
// organisation; a provider only ever gets their own, with no picker.
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, type ResponseBody, unwrap } from '../../api/client';
import { useLoader } from '../../components/useLoader';
import { useAdminSession, useOrganisation } from '../session';

export type Provider = ResponseBody<'/api/v1/orgs/{orgId}/providers', 'get'>[number];

export function providerName(provider: Provider): string {
  return `${provider.firstName} ${provider.lastName}`;
}

/** The providers the signed-in member may pick (just themselves for a provider). */
export function useProviders() {
  const { session } = useAdminSession();
  const { organisationId, role } = useOrganisation();
  const canChooseProvider = role === 'admin' || role === 'agent';
  const loader = useLoader(async () => {
    if (!canChooseProvider) {
      const { id, firstName, lastName } = session.staff;
      return [{ id, firstName, lastName }];
    }
    return unwrap(api.GET('/api/v1/orgs/{orgId}/providers', { params: { path: { orgId: organisationId } } }));
  }, [organisationId, canChooseProvider, session.staff.id]);
  return { ...loader, canChooseProvider };
}

/** The provider to show: the one asked for if the member may see it, else the first one. */
export function pickProvider(providers: Provider[] | undefined, wanted: string | null): Provider | undefined {
  return providers?.find((p) => p.id === wanted) ?? providers?.[0];
}

type Props = {
  providers: Provider[];
  value: string | undefined;
  onChange: (providerId: string) => void;
};

export function ProviderSelect({ providers, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('schedule.provider')}
      data={providers.map((provider) => ({ value: provider.id, label: providerName(provider) }))}
      value={value ?? null}
      onChange={(id) => id && onChange(id)}
      allowDeselect={false}
      searchable
      nothingFoundMessage={t('common.noResults')}
      miw={220}
    />
  );
}
