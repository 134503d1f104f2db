// R1 controls: the period (local dates), the grouping, the interval, and optional provider, service and
// location filters.
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Provider, providerName } from '../schedule/providers';
import type { Location, Service } from '../schedule/useSchedulingLists';
import { serviceName } from '../settings/services/serviceForm';
import { GROUP_BYS, type GroupBy, INTERVALS, type Interval, type ReportFilters } from './reportQuery';

type Props = {
  filters: ReportFilters;
  onChange: (patch: Partial<ReportFilters>) => void;
  providers: Provider[];
  services: Service[];
  locations: Location[];
  periodError: string | undefined;
};

export function ReportControls({ filters, onChange, providers, services, locations, periodError }: Props) {
  const { t, i18n } = useTranslation();
  const all = t('reports.controls.all');
  const clearLabel = (field: string) => ({ 'aria-label': t('reports.controls.clear', { field }) });
  return (
    <search aria-label={t('reports.controls.title')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="sm">
        <TextInput
          type="date"
          label={t('reports.controls.from')}
          value={filters.from}
          max={filters.to || undefined}
          onChange={(event) => onChange({ from: event.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('reports.controls.to')}
          value={filters.to}
          min={filters.from || undefined}
          onChange={(event) => onChange({ to: event.currentTarget.value })}
          error={periodError}
        />
        <Select
          label={t('reports.controls.groupBy')}
          data={GROUP_BYS.map((value) => ({ value, label: t(`reports.groupBy.${value}`) }))}
          value={filters.groupBy}
          onChange={(value) => value && onChange({ groupBy: value as GroupBy })}
          allowDeselect={false}
        />
        <Select
          label={t('reports.controls.interval')}
          data={INTERVALS.map((value) => ({ value, label: t(`reports.interval.${value}`) }))}
          value={filters.interval}
          onChange={(value) => value && onChange({ interval: value as Interval })}
          allowDeselect={false}
        />
        <Select
          label={t('reports.groupBy.provider')}
          placeholder={all}
          data={providers.map((provider) => ({ value: provider.id, label: providerName(provider) }))}
          value={filters.providerId}
          onChange={(providerId) => onChange({ providerId })}
          clearable
          clearButtonProps={clearLabel(t('reports.groupBy.provider'))}
          searchable
          nothingFoundMessage={t('common.noResults')}
        />
        <Select
          label={t('reports.groupBy.service')}
          placeholder={all}
          data={services.map((service) => ({
            value: service.id,
            label: serviceName(service, i18n.language),
          }))}
          value={filters.serviceId}
          onChange={(serviceId) => onChange({ serviceId })}
          clearable
          clearButtonProps={clearLabel(t('reports.groupBy.service'))}
          searchable
          nothingFoundMessage={t('common.noResults')}
        />
        <Select
          label={t('reports.groupBy.location')}
          placeholder={all}
          data={locations.map((location) => ({ value: location.id, label: location.name }))}
          value={filters.locationId}
          onChange={(locationId) => onChange({ locationId })}
          clearable
          clearButtonProps={clearLabel(t('reports.groupBy.location'))}
        />
      </SimpleGrid>
    </search>
  );
}
