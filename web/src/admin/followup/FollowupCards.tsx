// F1 on a phone: the same rows as the table, one card each (date, user, service and provider, location,
// « Statut client »), with the same selection and "Open" — nothing to scroll sideways to reach the status.
import { Anchor, Button, Card, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrganisation } from '../session';
import type { FollowupRow } from './followupQuery';
import { formatRowTime, rowServiceName } from './format';
import { StatusBadge } from './StatusBadge';

type Props = {
  rows: readonly FollowupRow[];
  selectedIds: ReadonlySet<string>;
  onToggle: (participantId: string) => void;
  onOpen: (row: FollowupRow) => void;
};

export function FollowupCards({ rows, selectedIds, onToggle, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useOrganisation();
  const language = i18n.language;
  return (
    <Stack
      component="ul"
      gap="sm"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('followup.table.caption')}
    >
      {rows.map((row) => {
        const isSelected = selectedIds.has(row.participantId);
        const when = formatRowTime(row.startsAt, timeZone, language);
        return (
          <Card
            component="li"
            key={row.participantId}
            withBorder
            padding="sm"
            bg={isSelected ? 'var(--mantine-color-blue-light)' : undefined}
          >
            <Group align="flex-start" wrap="nowrap" gap="sm">
              <Checkbox
                mt={2}
                aria-label={t('followup.table.selectRow', { name: row.user.name, when })}
                checked={isSelected}
                onChange={() => onToggle(row.participantId)}
              />
              <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <Text size="sm" fw={600}>
                    {when}
                    {row.isUpcoming && (
                      <Text span size="xs" c="dimmed" fw={400}>
                        {' · '}
                        {t('followup.table.upcoming')}
                      </Text>
                    )}
                  </Text>
                  <StatusBadge status={row.status} />
                </Group>
                <Anchor
                  component={Link}
                  to={`/admin/users/${row.user.id}`}
                  fw={600}
                  size="sm"
                  w="fit-content"
                >
                  {row.user.name}
                </Anchor>
                <Text size="sm">
                  {rowServiceName(row, language)} · {row.provider.name}
                </Text>
                <Text size="sm" c="dimmed">
                  {row.location?.name ?? t('followup.table.noLocation')}
                </Text>
                <Button
                  variant="light"
                  size="compact-sm"
                  w="fit-content"
                  aria-label={t('followup.table.openFor', { name: row.user.name, when })}
                  onClick={() => onOpen(row)}
                >
                  {t('followup.table.open')}
                </Button>
              </Stack>
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
