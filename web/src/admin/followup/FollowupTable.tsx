// F1: one row per participant — selection checkbox, date and time (organisation's zone), user (link to the
// record), service, provider, location and the « Statut client » / "User Status" badge; sortable by date.
import { Anchor, Button, Checkbox, Group, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrganisation } from '../session';
import type { FollowupRow, SortOrder } from './followupQuery';
import { formatRowTime, rowServiceName } from './format';
import { StatusBadge } from './StatusBadge';

type Props = {
  rows: readonly FollowupRow[];
  selectedIds: ReadonlySet<string>;
  onToggle: (participantId: string) => void;
  onToggleAll: (isSelected: boolean) => void;
  order: SortOrder;
  onOrderChange: (order: SortOrder) => void;
  onOpen: (row: FollowupRow) => void;
};

export function FollowupTable({
  rows,
  selectedIds,
  onToggle,
  onToggleAll,
  order,
  onOrderChange,
  onOpen,
}: Props) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useOrganisation();
  const language = i18n.language;
  const selectedCount = rows.filter((row) => selectedIds.has(row.participantId)).length;
  const isAllSelected = rows.length > 0 && selectedCount === rows.length;
  const SortIcon = order === 'asc' ? IconSortAscending : IconSortDescending;

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('followup.table.caption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={40}>
              <Checkbox
                aria-label={t('followup.table.selectAll')}
                checked={isAllSelected}
                indeterminate={selectedCount > 0 && !isAllSelected}
                onChange={() => onToggleAll(!isAllSelected)}
              />
            </Table.Th>
            <Table.Th scope="col" aria-sort={order === 'asc' ? 'ascending' : 'descending'}>
              <UnstyledButton
                onClick={() => onOrderChange(order === 'asc' ? 'desc' : 'asc')}
                fw={700}
                fz="sm"
              >
                <Group gap={4} wrap="nowrap">
                  {t('followup.table.dateTime')}
                  <SortIcon size={16} aria-hidden="true" />
                  <VisuallyHidden>
                    {order === 'asc' ? t('followup.table.sortedAsc') : t('followup.table.sortedDesc')}
                  </VisuallyHidden>
                </Group>
              </UnstyledButton>
            </Table.Th>
            <Table.Th scope="col">{t('followup.table.user')}</Table.Th>
            <Table.Th scope="col">{t('followup.table.service')}</Table.Th>
            <Table.Th scope="col">{t('followup.table.provider')}</Table.Th>
            <Table.Th scope="col">{t('followup.table.location')}</Table.Th>
            <Table.Th scope="col">{t('followup.table.status')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('followup.table.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const isSelected = selectedIds.has(row.participantId);
            const when = formatRowTime(row.startsAt, timeZone, language);
            return (
              <Table.Tr
                key={row.participantId}
                bg={isSelected ? 'var(--mantine-color-blue-light)' : undefined}
              >
                <Table.Td>
                  <Checkbox
                    aria-label={t('followup.table.selectRow', { name: row.user.name, when })}
                    checked={isSelected}
                    onChange={() => onToggle(row.participantId)}
                  />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{when}</Text>
                  {row.isUpcoming && (
                    <Text size="xs" c="dimmed">
                      {t('followup.table.upcoming')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/admin/users/${row.user.id}`} fw={600} size="sm">
                    {row.user.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{rowServiceName(row, language)}</Table.Td>
                <Table.Td>{row.provider.name}</Table.Td>
                <Table.Td>{row.location?.name ?? t('followup.table.noLocation')}</Table.Td>
                <Table.Td>
                  <StatusBadge status={row.status} />
                </Table.Td>
                <Table.Td>
                  <Button
                    variant="light"
                    size="compact-sm"
                    aria-label={t('followup.table.openFor', { name: row.user.name, when })}
                    onClick={() => onOpen(row)}
                  >
                    {t('followup.table.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
