// /admin/reports — appointment reports (SPEC R1): totals per status, a stacked chart per week or month with
// the same numbers in a table, a table per service, provider or location, and the CSV export of the same
// query. Batch actions of the follow-up show here at once (the report is read live).
import { Alert, Button, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useLoader } from '../../components/useLoader';
import { usePageTitle } from '../../components/usePageTitle';
import { useProviders } from '../schedule/providers';
import { useSchedulingLists } from '../schedule/useSchedulingLists';
import { useOrganisation } from '../session';
import { ReportControls } from './ReportControls';
import { GroupTable, PeriodTable, TotalsCards } from './ReportTables';
import {
  csvHref,
  defaultReportFilters,
  fillPeriods,
  isValidReportPeriod,
  type ReportFilters,
  type ReportQuery,
  toReportQuery,
} from './reportQuery';
import { StatusBarChart } from './StatusBarChart';

export function ReportsPage() {
  const { t } = useTranslation();
  const { role } = useOrganisation();
  usePageTitle(t('nav.reports'));
  return (
    <Stack gap="md">
      <Title order={1}>{t('nav.reports')}</Title>
      {role === 'provider' ? (
        <Alert color="blue" variant="light" role="note">
          {t('reports.managersOnly')}
        </Alert>
      ) : (
        <Reports />
      )}
    </Stack>
  );
}

function fetchReport(orgId: string, query: ReportQuery) {
  return unwrap(api.GET('/api/v1/orgs/{orgId}/reports/appointments', { params: { path: { orgId }, query } }));
}

function Reports() {
  const { t } = useTranslation();
  const { organisationId, timeZone } = useOrganisation();
  const [filters, setFilters] = useState(() => defaultReportFilters(timeZone));
  const lists = useSchedulingLists(organisationId);
  const providers = useProviders();
  const sectionId = useId();
  const isPeriodValid = isValidReportPeriod(filters);
  const query = useMemo(
    () => (isPeriodValid ? toReportQuery(filters, timeZone) : null),
    [filters, timeZone, isPeriodValid],
  );
  const queryKey = JSON.stringify(query);
  const report = useLoader(
    () => (query ? fetchReport(organisationId, query) : Promise.resolve(undefined)),
    [organisationId, queryKey],
  );
  const update = useCallback(
    (patch: Partial<ReportFilters>) => setFilters((previous) => ({ ...previous, ...patch })),
    [],
  );
  const data = report.data;
  const series = useMemo(
    () => (data && query ? fillPeriods(data.series, filters.from, filters.to, filters.interval) : []),
    [data, query, filters.from, filters.to, filters.interval],
  );

  return (
    <>
      <Text c="dimmed" size="sm">
        {t('reports.intro', { timeZone })}
      </Text>
      <ErrorAlert error={lists.error ?? providers.error} />
      <ReportControls
        filters={filters}
        onChange={update}
        providers={providers.data ?? []}
        services={lists.data?.services ?? []}
        locations={lists.data?.locations ?? []}
        periodError={isPeriodValid ? undefined : t('reports.controls.periodError')}
      />
      {query && (
        <Group>
          <Button
            component="a"
            href={csvHref(organisationId, query)}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden="true" />}
          >
            {t('reports.downloadCsv')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={report.error} />
      {report.isLoading && !data && <PageLoader />}
      <VisuallyHidden role="status">{report.isLoading ? t('common.loading') : ''}</VisuallyHidden>
      {data && (
        <Stack gap="xl">
          <section aria-labelledby={`${sectionId}-totals`}>
            <Title order={2} size="h3" id={`${sectionId}-totals`} mb="sm">
              {t('reports.totalsTitle')}
            </Title>
            <TotalsCards totals={data.totals} total={data.total} />
          </section>
          <section aria-labelledby={`${sectionId}-time`}>
            <Title order={2} size="h3" id={`${sectionId}-time`} mb="sm">
              {t(`reports.timeTitle.${filters.interval}`)}
            </Title>
            {data.total === 0 ? (
              <Text c="dimmed">{t('reports.empty')}</Text>
            ) : (
              <Stack gap="md">
                <StatusBarChart series={series} interval={filters.interval} />
                <PeriodTable series={series} interval={filters.interval} />
              </Stack>
            )}
          </section>
          <section aria-labelledby={`${sectionId}-groups`}>
            <Title order={2} size="h3" id={`${sectionId}-groups`} mb="sm">
              {t(`reports.groupCaption.${filters.groupBy}`)}
            </Title>
            {data.groups.length === 0 ? (
              <Text c="dimmed">{t('reports.empty')}</Text>
            ) : (
              <GroupTable report={data} groupBy={filters.groupBy} />
            )}
          </section>
        </Stack>
      )}
    </>
  );
}
