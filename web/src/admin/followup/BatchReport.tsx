// What a batch action did, row by row ("18 traitées, 2 refusées : déjà annulé"), refusals in words.
import { Alert, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type BatchReply, refusalReasons } from './batchFlow';
import type { FollowupRow } from './followupQuery';
import { formatRowTime } from './format';
import { StatusBadge } from './StatusBadge';

const KNOWN_REFUSALS = [
  'already_cancelled',
  'channel_unavailable',
  'forbidden',
  'not_found',
  'appointment_not_active',
] as const;

export function refusalText(code: string | undefined, t: TFunction): string {
  const known = KNOWN_REFUSALS.find((candidate) => candidate === code);
  return known ? t(`followup.refusals.${known}`) : t('followup.refusals.other', { code: code ?? '?' });
}

/** The one-line summary; the reasons follow the counts when something was refused. */
export function reportSummary(report: BatchReply, t: TFunction): string {
  const done = t('followup.report.done', { count: report.done });
  const refused = t('followup.report.refused', { count: report.refused });
  const reasons = refusalReasons(report);
  if (!reasons.length) return t('followup.report.summary', { done, refused });
  const words = reasons.map(({ code, count }) =>
    reasons.length > 1
      ? t('followup.report.reasonCount', { reason: refusalText(code, t), count })
      : refusalText(code, t),
  );
  return t('followup.report.summaryWithReasons', { done, refused, reasons: words.join(', ') });
}

type Props = { report: BatchReply; rows: readonly FollowupRow[]; timeZone: string };

export function BatchReport({ report, rows, timeZone }: Props) {
  const { t, i18n } = useTranslation();
  const byId = new Map(rows.map((row) => [row.participantId, row]));
  return (
    <>
      <Alert role="status" color={report.refused ? 'yellow' : 'teal'} variant="light">
        <Text fw={600}>{reportSummary(report, t)}</Text>
      </Alert>
      <Table striped aria-label={t('followup.report.caption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('followup.table.user')}</Table.Th>
            <Table.Th scope="col">{t('followup.table.dateTime')}</Table.Th>
            <Table.Th scope="col">{t('followup.report.outcome')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.results.map((result) => {
            const row = byId.get(result.participantId);
            return (
              <Table.Tr key={result.participantId}>
                <Table.Td>{row?.user.name ?? '—'}</Table.Td>
                <Table.Td>{row ? formatRowTime(row.startsAt, timeZone, i18n.language) : '—'}</Table.Td>
                <Table.Td>
                  {result.outcome === 'done' ? (
                    <Text size="sm" span>
                      {t('followup.report.rowDone')} {result.status && <StatusBadge status={result.status} />}
                    </Text>
                  ) : (
                    <Text size="sm" span c="red.9">
                      {t('followup.report.rowRefused', { reason: refusalText(result.code, t) })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </>
  );
}
