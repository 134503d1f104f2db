// S6: what an appointment is — when (start and end, organisation's zone), with whom, where (a location or
// video), the places taken of a group session, whether it is cancelled — and its participants, each with
// their status as a badge whose word carries the meaning.
import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../followup/StatusBadge';
import type { Location } from '../schedule/useSchedulingLists';
import { formatPeriod } from '../schedule/zonedTime';
import type { AppointmentDetail } from './historyText';

type Props = {
  detail: AppointmentDetail;
  timeZone: string;
  locations: readonly Location[];
};

export function AppointmentSummary({ detail, timeZone, locations }: Props) {
  const { t, i18n } = useTranslation();
  const location = detail.service.isVideo
    ? t('schedule.appointment.video')
    : (locations.find((l) => l.id === detail.locationId)?.name ?? t('schedule.appointment.noLocation'));
  const taken = detail.participants.filter((p) => p.status !== 'cancelled').length;

  return (
    <>
      <Stack gap={4}>
        <Text fw={600}>{formatPeriod(detail.startsAt, detail.endsAt, timeZone, i18n.language)}</Text>
        <Text size="sm">{t('schedule.appointment.providerLine', { name: detail.providerName })}</Text>
        <Text size="sm">{t('schedule.appointment.locationLine', { location })}</Text>
        {detail.service.capacity > 1 && (
          <Text size="sm">
            {t('schedule.appointment.groupLine', { taken, capacity: detail.service.capacity })}
          </Text>
        )}
        {detail.state !== 'booked' && (
          <Group>
            <Badge color="gray" variant="light" c="gray.9">
              {t('schedule.appointment.cancelledBadge')}
            </Badge>
          </Group>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('schedule.appointment.participants')}
        </Title>
        <List listStyleType="none" spacing={6} aria-label={t('schedule.appointment.participants')}>
          {detail.participants.map((participant) => (
            <List.Item key={participant.id}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">{participant.name}</Text>
                <StatusBadge status={participant.status} />
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
    </>
  );
}
