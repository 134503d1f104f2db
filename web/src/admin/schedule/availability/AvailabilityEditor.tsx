// S2: one provider's availability — weekly opening hours, dated exceptions and absences — loaded from
// GET /providers/{id}/availability and edited in three parts that each save on their own.
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { useLoader } from '../../../components/useLoader';
import { ProviderSelect, pickProvider, useProviders } from '../providers';
import { useSchedulingLists } from '../useSchedulingLists';
import { AbsencesEditor } from './AbsencesEditor';
import { ExceptionsEditor } from './ExceptionsEditor';
import { WeeklyHoursEditor } from './WeeklyHoursEditor';

type Props = {
  organisationId: string;
  timeZone: string;
  /** The provider asked for (from the page's address); the first one the member may see otherwise. */
  providerId: string | null;
  onProviderChange: (providerId: string) => void;
  /** Heading level of the three parts (the page decides what they sit under). */
  headingOrder: 2 | 3;
};

export function AvailabilityEditor({
  organisationId,
  timeZone,
  providerId,
  onProviderChange,
  headingOrder,
}: Props) {
  const { t } = useTranslation();
  const providers = useProviders();
  const lists = useSchedulingLists(organisationId);
  const provider = pickProvider(providers.data, providerId);

  return (
    <Stack gap="lg">
      <ErrorAlert error={providers.error ?? lists.error} />
      {(providers.isLoading || lists.isLoading) && !(providers.data && lists.data) && <PageLoader />}
      {providers.data && providers.data.length === 0 && <Text c="dimmed">{t('schedule.noProviders')}</Text>}
      {providers.canChooseProvider && providers.data && providers.data.length > 0 && (
        <ProviderSelect providers={providers.data} value={provider?.id} onChange={onProviderChange} />
      )}
      {provider && lists.data && (
        <ProviderAvailability
          key={provider.id}
          organisationId={organisationId}
          timeZone={timeZone}
          providerId={provider.id}
          lists={lists.data}
          headingOrder={headingOrder}
        />
      )}
    </Stack>
  );
}

function ProviderAvailability({
  organisationId,
  timeZone,
  providerId,
  lists,
  headingOrder,
}: {
  organisationId: string;
  timeZone: string;
  providerId: string;
  lists: NonNullable<ReturnType<typeof useSchedulingLists>['data']>;
  headingOrder: 2 | 3;
}) {
  const loader = useLoader(
    () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/providers/{providerId}/availability', {
          params: { path: { orgId: organisationId, providerId } },
        }),
      ),
    [organisationId, providerId],
  );
  if (loader.error) return <ErrorAlert error={loader.error} />;
  if (!loader.data) return <PageLoader />;
  const common = { organisationId, providerId, locations: lists.locations, headingOrder };
  return (
    <Stack gap="xl">
      <WeeklyHoursEditor {...common} rules={loader.data.rules} services={lists.services} />
      <ExceptionsEditor {...common} exceptions={loader.data.exceptions} onChanged={loader.reload} />
      <AbsencesEditor
        {...common}
        timeZone={timeZone}
        absences={loader.data.absences}
        onChanged={loader.reload}
      />
    </Stack>
  );
}
