// R1: appointments per week or month, stacked by status, drawn in SVG. The picture has a text alternative
// and the table under it carries the same numbers, so nothing depends on seeing colours.
import { Box, Group, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_STATUSES, statusKey } from '../followup/status';
import { chartScale, countTotal, formatPeriodStart, type Interval, type Report } from './reportQuery';
import { ScrollRegion } from './ScrollRegion';

/** Fills darker than the badges' tints: each stays distinct from its neighbour and from the white page. */
const FILLS = {
  scheduled: 'var(--mantine-color-blue-6)',
  present: 'var(--mantine-color-teal-7)',
  absent: 'var(--mantine-color-orange-7)',
  not_eligible: 'var(--mantine-color-grape-6)',
  cancelled: 'var(--mantine-color-red-8)',
} as const;

const BAR = 28;
const GAP = 22;
const PLOT_HEIGHT = 200;
const TOP = 12;
const LEFT = 44;
const BOTTOM = 64;

type Props = { series: Report['series']; interval: Interval };

export function StatusBarChart({ series, interval }: Props) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const noteId = useId();
  const { top, ticks } = chartScale(Math.max(0, ...series.map((point) => countTotal(point.counts))));
  const width = LEFT + series.length * (BAR + GAP) + GAP;
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  const y = (value: number) => TOP + PLOT_HEIGHT * (1 - value / top);

  return (
    <Box component="figure" m={0}>
      <Text component="figcaption" id={captionId} fw={600} mb="xs">
        {t(`reports.chart.caption.${interval}`)}
      </Text>
      <Legend />
      <ScrollRegion label={t('reports.chart.scroller')}>
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={captionId}
          aria-describedby={noteId}
          style={{ display: 'block', fontFamily: 'inherit' }}
        >
          <title>{t(`reports.chart.caption.${interval}`)}</title>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={LEFT} x2={width} y1={y(tick)} y2={y(tick)} stroke="var(--mantine-color-gray-3)" />
              <text
                x={LEFT - 8}
                y={y(tick) + 4}
                textAnchor="end"
                fontSize={12}
                fill="var(--mantine-color-gray-8)"
              >
                {tick}
              </text>
            </g>
          ))}
          {series.map((point, index) => {
            const x = LEFT + GAP + index * (BAR + GAP);
            const label = formatPeriodStart(point.period, interval, i18n.language);
            let base = 0;
            return (
              <g key={point.period}>
                {PARTICIPANT_STATUSES.map((status) => {
                  const value = point.counts[status];
                  if (!value) return null;
                  const rect = (
                    <rect
                      key={status}
                      x={x}
                      width={BAR}
                      y={y(base + value)}
                      height={y(base) - y(base + value)}
                      fill={FILLS[status]}
                      stroke="white"
                      strokeWidth={1}
                    >
                      <title>
                        {t('reports.chart.barTitle', {
                          period: label,
                          status: t(statusKey(status)),
                          count: value,
                        })}
                      </title>
                    </rect>
                  );
                  base += value;
                  return rect;
                })}
                <text
                  x={x + BAR / 2}
                  y={TOP + PLOT_HEIGHT + 14}
                  fontSize={11}
                  textAnchor="end"
                  fill="var(--mantine-color-gray-8)"
                  transform={`rotate(-40 ${x + BAR / 2} ${TOP + PLOT_HEIGHT + 14})`}
                >
                  {label}
                </text>
              </g>
            );
          })}
          <line x1={LEFT} x2={width} y1={y(0)} y2={y(0)} stroke="var(--mantine-color-gray-7)" />
        </svg>
      </ScrollRegion>
      <Text id={noteId} size="sm" c="dimmed" mt="xs">
        {t('reports.chart.sameNumbers')}
      </Text>
    </Box>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Group
      component="ul"
      gap="md"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('reports.chart.legend')}
    >
      {PARTICIPANT_STATUSES.map((status) => (
        <Group component="li" key={status} gap={6} wrap="nowrap">
          <Box w={14} h={14} bg={FILLS[status]} style={{ borderRadius: 3 }} aria-hidden="true" />
          <Text size="sm">{t(statusKey(status))}</Text>
        </Group>
      ))}
    </Group>
  );
}
