// S2: a provider's absences and holidays (date-time ranges in the organisation's time zone): the current
// and coming ones with a delete button, and a form to add one (POST /providers/{id}/absences).
import { Button, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notifySuccess } from '../../../components/notify';
import { useApiAction } from '../../../components/useApiAction';
import { formatDateTime, localDateTimeToIso } from '../zonedTime';
import type { Availability } from './weeklyHours';

type Absence = Availability['absences'][number];
type Props = {
  organisationId: string;
  providerId: string;
  timeZone: string;
  absences: Absence[];
  onChanged: () => void;
  headingOrder: 2 | 3;
};

export function AbsencesEditor({
  organisationId,
  providerId,
  timeZone,
  absences,
  onChanged,
  headingOrder,
}: Props) {
  const { t, i18n } = useTranslation();
  const remove = useApiAction();
  const format = (instant: string) => formatDateTime(instant, timeZone, i18n.language);

  const deleteAbsence = async (absence: Absence) => {
    const isDone = await remove.run(() =>
      unwrap(
        api.DELETE('/api/v1/orgs/{orgId}/absences/{itemId}', {
          params: { path: { orgId: organisationId, itemId: absence.id } },
        }),
      ),
    );
    if (isDone) {
      notifySuccess(t('schedule.availability.absenceDeleted'));
      onChanged();
    }
  };

  return (
    <Stack gap="md">
      <Title order={headingOrder} size="h4">
        {t('schedule.availability.absencesTitle')}
      </Title>
      <Text size="sm">{t('schedule.availability.absencesIntro', { timeZone })}</Text>
      <ErrorAlert error={remove.error} />
      {absences.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('schedule.availability.noAbsences')}
        </Text>
      ) : (
        <Table striped aria-label={t('schedule.availability.absencesTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('schedule.availability.from')}</Table.Th>
              <Table.Th scope="col">{t('schedule.availability.to')}</Table.Th>
              <Table.Th scope="col">{t('schedule.availability.reason')}</Table.Th>
              <Table.Th scope="col">{t('schedule.availability.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {absences.map((absence) => (
              <Table.Tr key={absence.id}>
                <Table.Td>{format(absence.startsAt)}</Table.Td>
                <Table.Td>{format(absence.endsAt)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{absence.reason}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} aria-hidden="true" />}
                    aria-label={t('schedule.availability.deleteAbsenceFrom', {
                      date: format(absence.startsAt),
                    })}
                    onClick={() => void deleteAbsence(absence)}
                  >
                    {t('schedule.availability.delete')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AddAbsenceForm
        organisationId={organisationId}
        providerId={providerId}
        timeZone={timeZone}
        onAdded={onChanged}
        headingOrder={headingOrder}
      />
    </Stack>
  );
}

const EMPTY = { startsAt: '', endsAt: '', reason: '' };

function AddAbsenceForm({
  organisationId,
  providerId,
  timeZone,
  onAdded,
  headingOrder,
}: {
  organisationId: string;
  providerId: string;
  timeZone: string;
  onAdded: () => void;
  headingOrder: 2 | 3;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const { run, isPending, error, fieldError } = useApiAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // An empty input is sent as-is so the server names the missing field under it.
    const toIso = (value: string) => (value ? localDateTimeToIso(value, timeZone) : value);
    const body = {
      startsAt: toIso(form.startsAt),
      endsAt: toIso(form.endsAt),
      reason: form.reason.trim() || null,
    };
    const isAdded = await run(() =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/providers/{providerId}/absences', {
          params: { path: { orgId: organisationId, providerId } },
          body,
        }),
      ),
    );
    if (isAdded) {
      notifySuccess(t('schedule.availability.absenceAdded'));
      setForm(EMPTY);
      onAdded();
    }
  };

  const labels = {
    from: t('schedule.availability.from'),
    to: t('schedule.availability.to'),
    reason: t('schedule.availability.reason'),
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('schedule.availability.addAbsence')}>
      <Stack gap="sm">
        <Title order={(headingOrder + 1) as 3 | 4} size="h5">
          {t('schedule.availability.addAbsence')}
        </Title>
        <ErrorAlert error={error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="datetime-local"
            label={labels.from}
            required
            value={form.startsAt}
            onChange={(event) => setForm({ ...form, startsAt: event.currentTarget.value })}
            error={fieldError('startsAt', labels.from)}
          />
          <TextInput
            type="datetime-local"
            label={labels.to}
            required
            value={form.endsAt}
            onChange={(event) => setForm({ ...form, endsAt: event.currentTarget.value })}
            error={fieldError('endsAt', labels.to)}
          />
          <TextInput
            label={labels.reason}
            value={form.reason}
            maxLength={300}
            onChange={(event) => setForm({ ...form, reason: event.currentTarget.value })}
            error={fieldError('reason', labels.reason)}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button
            type="submit"
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            loading={isPending}
          >
            {t('schedule.availability.addAbsence')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
