// What the schedule's colours and markers mean (free, closed, absence, lock, statuses), above the calendar,
// and the shown absences in words.
import { Group, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_STATUSES, type ScheduleAbsence } from './scheduleEvents';
import { formatPeriod } from './zonedTime';

export function ScheduleLegend() {
  const { t } = useTranslation();
  const items = [
    { key: 'free', swatch: { background: '#ffffff' }, label: t('schedule.legend.free') },
    { key: 'closed', swatch: { background: '#e9ecef' }, label: t('schedule.legend.closed') },
    {
      key: 'absence',
      swatch: { background: 'repeating-linear-gradient(135deg, #dee2e6 0 4px, #adb5bd 4px 8px)' },
      label: t('schedule.legend.absence'),
    },
  ];
  return (
    <Group
      component="ul"
      gap="md"
      wrap="wrap"
      aria-label={t('schedule.legend.title')}
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {items.map((item) => (
        <Group component="li" key={item.key} gap={6} wrap="nowrap">
          <span className="creneau-legend-swatch" style={item.swatch} aria-hidden="true" />
          <Text size="sm">{item.label}</Text>
        </Group>
      ))}
      <Group component="li" gap={6} wrap="nowrap">
        <span className="creneau-legend-swatch creneau-legend-lock" aria-hidden="true">
          <IconLock size={12} color="#ffffff" />
        </span>
        <Text size="sm">{t('schedule.legend.lock')}</Text>
      </Group>
      {PARTICIPANT_STATUSES.map((status) => (
        <Group component="li" key={status} gap={6} wrap="nowrap">
          <span className={`creneau-status-marker creneau-marker-${status}`} aria-hidden="true" />
          <Text size="sm">{t(`schedule.status.${status}`)}</Text>
        </Group>
      ))}
    </Group>
  );
}

/** The absences of the shown range in words: the calendar draws them as backgrounds screen readers skip. */
export function AbsencesSummary({ absences, timeZone }: { absences: ScheduleAbsence[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  if (!absences.length) return null;
  return (
    <Text size="sm">
      {t('schedule.absencesShown', {
        list: absences
          .map((absence) => {
            const period = formatPeriod(absence.startsAt, absence.endsAt, timeZone, i18n.language);
            return absence.reason ? `${period} (${absence.reason})` : period;
          })
          .join('; '),
      })}
    </Text>
  );
}
