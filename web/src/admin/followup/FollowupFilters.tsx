// F1: the follow-up filters — period (local dates of the organisation), provider (admins and agents only: a
// provider follows up their own appointments), service, location, « Statut client » and user text.
import { Button, Group, MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Provider, providerName } from '../schedule/providers';
import type { Location, Service } from '../schedule/useSchedulingLists';
import { serviceName } from '../settings/services/serviceForm';
import type { FollowupFilters as Filters } from './followupQuery';
import { isParticipantStatus, PARTICIPANT_STATUSES, statusKey } from './status';

const SEARCH_DEBOUNCE_MS = 300;

type Props = {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
  /** Resets every filter; the page remounts this form (its key changes) so the search box empties too. */
  onReset: () => void;
  /** Undefined when the member may not choose (a provider sees their own appointments only). */
  providers: Provider[] | undefined;
  services: Service[];
  locations: Location[];
  periodError: string | undefined;
};

export function FollowupFilters({
  filters,
  onChange,
  onReset,
  providers,
  services,
  locations,
  periodError,
}: Props) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState(filters.q);
  const [debounced] = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const all = t('followup.filters.all');

  useEffect(() => {
    if (debounced !== filters.q) onChange({ q: debounced });
  }, [debounced, filters.q, onChange]);

  return (
    <search aria-label={t('followup.filters.title')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="sm">
        <TextInput
          type="date"
          label={t('followup.filters.from')}
          value={filters.from}
          max={filters.to || undefined}
          onChange={(event) => onChange({ from: event.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('followup.filters.to')}
          value={filters.to}
          min={filters.from || undefined}
          onChange={(event) => onChange({ to: event.currentTarget.value })}
          error={periodError}
        />
        {providers && (
          <Select
            label={t('followup.filters.provider')}
            placeholder={all}
            data={providers.map((provider) => ({ value: provider.id, label: providerName(provider) }))}
            value={filters.providerId}
            onChange={(providerId) => onChange({ providerId })}
            clearable
            clearButtonProps={{
              'aria-label': t('followup.filters.clear', { field: t('followup.filters.provider') }),
            }}
            searchable
            nothingFoundMessage={t('common.noResults')}
          />
        )}
        <Select
          label={t('followup.filters.service')}
          placeholder={all}
          data={services.map((service) => ({
            value: service.id,
            label: serviceName(service, i18n.language),
          }))}
          value={filters.serviceId}
          onChange={(serviceId) => onChange({ serviceId })}
          clearable
          clearButtonProps={{
            'aria-label': t('followup.filters.clear', { field: t('followup.filters.service') }),
          }}
          searchable
          nothingFoundMessage={t('common.noResults')}
        />
        <Select
          label={t('followup.filters.location')}
          placeholder={all}
          data={locations.map((location) => ({ value: location.id, label: location.name }))}
          value={filters.locationId}
          onChange={(locationId) => onChange({ locationId })}
          clearable
          clearButtonProps={{
            'aria-label': t('followup.filters.clear', { field: t('followup.filters.location') }),
          }}
        />
        <MultiSelect
          label={t('followup.filters.status')}
          placeholder={filters.statuses.length ? undefined : all}
          data={PARTICIPANT_STATUSES.map((status) => ({ value: status, label: t(statusKey(status)) }))}
          value={filters.statuses}
          onChange={(values) => onChange({ statuses: values.filter(isParticipantStatus) })}
          clearable
          clearButtonProps={{
            'aria-label': t('followup.filters.clear', { field: t('followup.filters.status') }),
          }}
        />
        <TextInput
          type="search"
          label={t('followup.filters.user')}
          description={t('followup.filters.userHint')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          autoComplete="off"
        />
      </SimpleGrid>
      <Group mt="sm">
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconFilterOff size={16} aria-hidden="true" />}
          onClick={onReset}
        >
          {t('followup.filters.reset')}
        </Button>
      </Group>
    </search>
  );
}
