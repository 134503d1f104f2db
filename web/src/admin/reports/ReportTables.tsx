// R1 in numbers: the totals per status, the same counts per period (the chart's text twin) and per group.
import { Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_STATUSES, STATUS_COLORS, statusKey } from '../followup/status';
import {
  type Counts,
  countTotal,
  formatPeriodStart,
  type GroupBy,
  type Interval,
  type Report,
} from './reportQuery';
import { ScrollRegion } from './ScrollRegion';

export function TotalsCards({ totals, total }: { totals: Counts; total: number }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid
      component="ul"
      cols={{ base: 2, sm: 3, lg: 6 }}
      spacing="sm"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {PARTICIPANT_STATUSES.map((status) => (
        <Paper
          component="li"
          key={status}
          withBorder
          p="sm"
          style={{ borderLeft: `4px solid var(--mantine-color-${STATUS_COLORS[status]}-7)` }}
        >
          <Text size="sm">{t(statusKey(status))}</Text>
          <Text fz={28} fw={700} lh={1.2}>
            {totals[status]}
          </Text>
        </Paper>
      ))}
      <Paper component="li" withBorder p="sm" style={{ borderLeft: '4px solid var(--mantine-color-dark-6)' }}>
        <Text size="sm">{t('reports.total')}</Text>
        <Text fz={28} fw={700} lh={1.2}>
          {total}
        </Text>
      </Paper>
    </SimpleGrid>
  );
}

function CountCells({ counts }: { counts: Counts }) {
  return (
    <>
      {PARTICIPANT_STATUSES.map((status) => (
        <Table.Td key={status} ta="right">
          {counts[status]}
        </Table.Td>
      ))}
      <Table.Td ta="right" fw={700}>
        {countTotal(counts)}
      </Table.Td>
    </>
  );
}

function StatusHeaders() {
  const { t } = useTranslation();
  return (
    <>
      {PARTICIPANT_STATUSES.map((status) => (
        <Table.Th scope="col" key={status} ta="right">
          {t(statusKey(status))}
        </Table.Th>
      ))}
      <Table.Th scope="col" ta="right">
        {t('reports.total')}
      </Table.Th>
    </>
  );
}

type PeriodProps = { series: Report['series']; interval: Interval };

/** The chart's numbers, one row per week or month. */
export function PeriodTable({ series, interval }: PeriodProps) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollRegion label={t(`reports.chart.caption.${interval}`)} minWidth={640}>
      <Table striped aria-label={t(`reports.chart.caption.${interval}`)}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(`reports.periodHeader.${interval}`)}</Table.Th>
            <StatusHeaders />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {series.map((point) => (
            <Table.Tr key={point.period}>
              <Table.Th scope="row" fw={400}>
                {formatPeriodStart(point.period, interval, i18n.language)}
              </Table.Th>
              <CountCells counts={point.counts} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

type GroupProps = { report: Report; groupBy: GroupBy };

export function GroupTable({ report, groupBy }: GroupProps) {
  const { t, i18n } = useTranslation();
  const label = (group: Report['groups'][number]) =>
    i18n.language === 'en' ? group.label.en : group.label.fr;
  const groups = [...report.groups].sort((a, b) => label(a).localeCompare(label(b), i18n.language));
  return (
    <ScrollRegion label={t(`reports.groupCaption.${groupBy}`)} minWidth={640}>
      <Table striped aria-label={t(`reports.groupCaption.${groupBy}`)}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(`reports.groupBy.${groupBy}`)}</Table.Th>
            <StatusHeaders />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <Table.Tr key={group.key ?? 'none'}>
              <Table.Th scope="row" fw={400}>
                {group.key ? label(group) : t('reports.noGroup')}
              </Table.Th>
              <CountCells counts={group.counts} />
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('reports.total')}</Table.Th>
            <CountCells counts={report.totals} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollRegion>
  );
}
