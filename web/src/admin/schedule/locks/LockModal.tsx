// S5: lock a time range of a provider (the red lock) — from a range dragged on the calendar or typed in —
// with an optional reason (POST /orgs/{orgId}/locks). Locked time is never offered to the public.
import { Button, em, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notifySuccess } from '../../../components/notify';
import { useApiAction } from '../../../components/useApiAction';
import { addDays, toInstantIso } from '../zonedTime';

type Props = {
  organisationId: string;
  providerId: string;
  providerName: string;
  timeZone: string;
  initial: { date: string; startTime: string; endTime: string };
  onClose: () => void;
  onLocked: () => void;
};

export function LockModal({
  organisationId,
  providerId,
  providerName,
  timeZone,
  initial,
  onClose,
  onLocked,
}: Props) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery(`(max-width: ${em(767.98)})`);
  const [form, setForm] = useState({ ...initial, reason: '' });
  const { run, isPending, error, fieldError } = useApiAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const toIso = (time: string) => (form.date && time ? toInstantIso(form.date, time, timeZone) : '');
    // An end at midnight is the end of the day.
    const endDate = form.endTime === '00:00' ? addDays(form.date, 1) : form.date;
    const body = {
      providerId,
      startsAt: toIso(form.startTime),
      endsAt: form.date && form.endTime ? toInstantIso(endDate, form.endTime, timeZone) : '',
      reason: form.reason.trim() || null,
    };
    const isLocked = await run(() =>
      unwrap(api.POST('/api/v1/orgs/{orgId}/locks', { params: { path: { orgId: organisationId } }, body })),
    );
    if (isLocked) {
      notifySuccess(t('schedule.lock.done'));
      onLocked();
    }
  };

  const labels = {
    date: t('schedule.lock.date'),
    start: t('schedule.lock.start'),
    end: t('schedule.lock.end'),
    reason: t('schedule.lock.reason'),
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('schedule.lock.title', { provider: providerName })}
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('schedule.lock.intro')}</Text>
          <ErrorAlert error={error} />
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <TextInput
              type="date"
              label={labels.date}
              required
              value={form.date}
              onChange={(event) => setForm({ ...form, date: event.currentTarget.value })}
            />
            <TimeInput
              label={labels.start}
              required
              value={form.startTime}
              onChange={(event) => setForm({ ...form, startTime: event.currentTarget.value })}
              error={fieldError('startsAt', labels.start)}
            />
            <TimeInput
              label={labels.end}
              required
              value={form.endTime}
              onChange={(event) => setForm({ ...form, endTime: event.currentTarget.value })}
              error={fieldError('endsAt', labels.end)}
            />
          </SimpleGrid>
          <TextInput
            label={labels.reason}
            data-autofocus
            maxLength={300}
            value={form.reason}
            onChange={(event) => setForm({ ...form, reason: event.currentTarget.value })}
            error={fieldError('reason', labels.reason)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color="red.9"
              leftSection={<IconLock size={16} aria-hidden="true" />}
              loading={isPending}
            >
              {t('schedule.lock.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
