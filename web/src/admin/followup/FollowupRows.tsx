// The follow-up rows in the layout that fits the screen: a table, or cards on a phone with the
// select-all checkbox and the date order above them.
import { Checkbox, Group, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FollowupCards } from './FollowupCards';
import { FollowupTable } from './FollowupTable';
import type { SortOrder } from './followupQuery';

type Props = Parameters<typeof FollowupTable>[0] & { isPhone: boolean | undefined };

export function FollowupRows({ isPhone, ...props }: Props) {
  const { t } = useTranslation();
  if (!isPhone) return <FollowupTable {...props} />;
  const { rows, selectedIds, onToggleAll, order, onOrderChange } = props;
  const selectedCount = rows.filter((row) => selectedIds.has(row.participantId)).length;
  const isAllSelected = rows.length > 0 && selectedCount === rows.length;
  return (
    <>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Checkbox
          label={t('followup.table.selectAll')}
          checked={isAllSelected}
          indeterminate={selectedCount > 0 && !isAllSelected}
          onChange={() => onToggleAll(!isAllSelected)}
        />
        <SegmentedControl
          size="xs"
          aria-label={t('followup.table.order')}
          value={order}
          onChange={(value) => onOrderChange(value as SortOrder)}
          data={[
            { value: 'asc', label: t('followup.table.oldestFirst') },
            { value: 'desc', label: t('followup.table.newestFirst') },
          ]}
        />
      </Group>
      <FollowupCards {...props} />
    </>
  );
}
