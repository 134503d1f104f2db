// /admin/follow-up — the Follow-up menu (« Suivi », SPEC F1–F5, seed articles 000/001): filters, one row per
// participant with the « Statut client » column, selection, the batch-action window, "Load more" by keyset
// cursor, and each row's appointment in the shared appointment drawer (history, actions, link to the Schedule).
import { Button, em, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconListCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useApiAction } from '../../components/useApiAction';
import { useLoader } from '../../components/useLoader';
import { usePageTitle } from '../../components/usePageTitle';
import { AppointmentDrawer } from '../appointment/AppointmentDrawer';
import { useProviders } from '../schedule/providers';
import { useSchedulingLists } from '../schedule/useSchedulingLists';
import { useOrganisation } from '../session';
import { BatchActionModal } from './BatchActionModal';
import { FollowupFilters } from './FollowupFilters';
import { FollowupRows } from './FollowupRows';
import {
  type FollowupPage as FollowupPageData,
  type FollowupQuery,
  type FollowupRow,
  isValidPeriod,
  PAGE_SIZE,
  toFollowupQuery,
} from './followupQuery';
import { useFollowupFilters } from './useFollowupFilters';

/** The API's largest page: a refresh after a batch action reloads at most this many rows at once. */
const MAX_PAGE_SIZE = 200;
const NO_ROWS: FollowupPageData = { items: [], nextCursor: null };

function fetchFollowup(orgId: string, query: FollowupQuery) {
  return unwrap(api.GET('/api/v1/orgs/{orgId}/followup', { params: { path: { orgId }, query } }));
}

export function FollowupPage() {
  const { t } = useTranslation();
  const { organisationId, timeZone } = useOrganisation();
  usePageTitle(t('nav.followUp'));
  const { filters, update, reset, resetKey } = useFollowupFilters(timeZone);
  const lists = useSchedulingLists(organisationId);
  const providers = useProviders();
  const more = useApiAction();
  const isPeriodValid = isValidPeriod(filters);
  const query = useMemo(
    () => (isPeriodValid ? toFollowupQuery(filters, timeZone) : null),
    [filters, timeZone, isPeriodValid],
  );
  const queryKey = JSON.stringify(query);
  const reloadLimit = useRef(PAGE_SIZE);
  const list = useLoader(
    () =>
      query
        ? fetchFollowup(organisationId, { ...query, limit: reloadLimit.current })
        : Promise.resolve(NO_ROWS),
    [organisationId, queryKey],
  );
  const rows = list.data?.items ?? [];
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [batchRows, setBatchRows] = useState<FollowupRow[] | null>(null);
  const [openedRow, setOpenedRow] = useState<FollowupRow | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query starts a new selection.
  useEffect(() => {
    reloadLimit.current = PAGE_SIZE;
    setSelectedIds(new Set());
  }, [queryKey]);

  const toggle = useCallback((participantId: string) => {
    setSelectedIds((previous) => {
      const next = new Set(previous);
      if (!next.delete(participantId)) next.add(participantId);
      return next;
    });
  }, []);
  const toggleAll = (isSelected: boolean) =>
    setSelectedIds(isSelected ? new Set(rows.map((row) => row.participantId)) : new Set());

  const loadMore = async () => {
    const cursor = list.data?.nextCursor;
    if (!query || !cursor) return;
    await more.run(async () => {
      const next = await fetchFollowup(organisationId, { ...query, cursor });
      list.setData(
        (current) => current && { items: [...current.items, ...next.items], nextCursor: next.nextCursor },
      );
    });
  };

  // After a change the list reloads as many rows as were shown, so the rows acted on stay in view.
  const refreshRows = () => {
    reloadLimit.current = Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, rows.length));
    list.reload();
  };
  const refreshAfterBatch = () => {
    setSelectedIds(new Set());
    refreshRows();
  };

  const selectedRows = rows.filter((row) => selectedIds.has(row.participantId));
  const isPhone = useMediaQuery(`(max-width: ${em(767.98)})`);

  return (
    <Stack gap="md">
      <Title order={1}>{t('nav.followUp')}</Title>
      <Text c="dimmed" size="sm">
        {t('followup.intro', { timeZone })}
      </Text>
      <ErrorAlert error={lists.error ?? providers.error} />
      <FollowupFilters
        key={resetKey}
        filters={filters}
        onChange={update}
        onReset={reset}
        providers={providers.canChooseProvider ? providers.data : undefined}
        services={lists.data?.services ?? []}
        locations={lists.data?.locations ?? []}
        periodError={isPeriodValid ? undefined : t('followup.filters.periodError')}
      />
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" aria-live="polite">
          {t('followup.selection.count', { count: selectedRows.length })}
        </Text>
        <Button
          leftSection={<IconListCheck size={16} aria-hidden="true" />}
          disabled={selectedRows.length === 0}
          onClick={() => setBatchRows(selectedRows)}
        >
          {t('followup.selection.batchButton')}
        </Button>
      </Group>
      <ErrorAlert error={list.error ?? more.error} />
      {list.isLoading && !list.data && <PageLoader />}
      {list.data && (
        <>
          <VisuallyHidden role="status">
            {list.isLoading ? t('common.loading') : t('followup.list.count', { count: rows.length })}
          </VisuallyHidden>
          {rows.length === 0 ? (
            <Text c="dimmed">{t('followup.list.empty')}</Text>
          ) : (
            <FollowupRows
              isPhone={isPhone}
              rows={rows}
              selectedIds={selectedIds}
              onToggle={toggle}
              onToggleAll={toggleAll}
              order={filters.order}
              onOrderChange={(order) => update({ order })}
              onOpen={setOpenedRow}
            />
          )}
          {list.data.nextCursor && (
            <Button variant="light" w="fit-content" loading={more.isPending} onClick={() => void loadMore()}>
              {t('followup.list.loadMore')}
            </Button>
          )}
        </>
      )}
      {batchRows && (
        <BatchActionModal
          organisationId={organisationId}
          timeZone={timeZone}
          rows={batchRows}
          onClose={() => setBatchRows(null)}
          onApplied={refreshAfterBatch}
        />
      )}
      {openedRow && (
        <AppointmentDrawer
          appointmentId={openedRow.appointmentId}
          locations={lists.data?.locations ?? []}
          onClose={() => setOpenedRow(null)}
          onChanged={refreshRows}
          showScheduleLink
        />
      )}
    </Stack>
  );
}
