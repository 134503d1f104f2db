// S8: move an appointment to another date and time (POST /appointments/{id}/move), optionally outside
// opening hours. A refused move (slot no longer free) shows the server's message.
import { Button, Group, Paper, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useApiAction } from '../../components/useApiAction';
import { localParts, toInstantIso } from '../schedule/zonedTime';
import type { AppointmentDetail } from './historyText';

type Props = {
  organisationId: string;
  detail: AppointmentDetail;
  timeZone: string;
  onMoved: () => void;
};

export function MoveForm({ organisationId, detail, timeZone, onMoved }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => ({
    ...localParts(detail.startsAt, timeZone),
    isOutsideHours: false,
  }));
  const { run, isPending, error, fieldError } = useApiAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const startsAt = form.date && form.time ? toInstantIso(form.date, form.time, timeZone) : '';
    const isMoved = await run(() =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/appointments/{appointmentId}/move', {
          params: { path: { orgId: organisationId, appointmentId: detail.id } },
          body: { startsAt, outsideOpeningHours: form.isOutsideHours },
        }),
      ),
    );
    if (isMoved) {
      notifySuccess(t('schedule.move.done'));
      onMoved();
    }
  };

  const labels = { date: t('schedule.move.date'), time: t('schedule.move.time') };
  return (
    <Paper withBorder p="sm">
      <form onSubmit={submit} noValidate aria-label={t('schedule.move.title')}>
        <Stack gap="sm">
          <ErrorAlert error={error} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              type="date"
              label={labels.date}
              required
              data-autofocus
              value={form.date}
              onChange={(event) => setForm({ ...form, date: event.currentTarget.value })}
              error={fieldError('startsAt', labels.date)}
            />
            <TimeInput
              label={labels.time}
              required
              value={form.time}
              onChange={(event) => setForm({ ...form, time: event.currentTarget.value })}
            />
          </SimpleGrid>
          <Switch
            label={t('schedule.booking.outsideHours')}
            checked={form.isOutsideHours}
            onChange={(event) => setForm({ ...form, isOutsideHours: event.currentTarget.checked })}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={isPending}>
              {t('schedule.move.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
