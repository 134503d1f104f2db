// S2: dated exceptions to the weekly hours — extra hours on a date, or hours (or the whole day) removed —
// listed with a delete button, and added with POST /providers/{id}/exceptions.
import {
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notifySuccess } from '../../../components/notify';
import { useApiAction } from '../../../components/useApiAction';
import type { Location } from '../useSchedulingLists';
import { formatDate, shortTime } from '../zonedTime';
import type { Availability } from './weeklyHours';

type Exception = Availability['exceptions'][number];
type Kind = 'extra' | 'removed';
type Props = {
  organisationId: string;
  providerId: string;
  locations: Location[];
  exceptions: Exception[];
  onChanged: () => void;
  headingOrder: 2 | 3;
};

export function ExceptionsEditor({
  organisationId,
  providerId,
  locations,
  exceptions,
  onChanged,
  headingOrder,
}: Props) {
  const { t, i18n } = useTranslation();
  const remove = useApiAction();
  const locationName = (id: string | null) => locations.find((l) => l.id === id)?.name ?? '';

  const deleteException = async (exception: Exception) => {
    const isDone = await remove.run(() =>
      unwrap(
        api.DELETE('/api/v1/orgs/{orgId}/availability-exceptions/{itemId}', {
          params: { path: { orgId: organisationId, itemId: exception.id } },
        }),
      ),
    );
    if (isDone) {
      notifySuccess(t('schedule.availability.exceptionDeleted'));
      onChanged();
    }
  };

  return (
    <Stack gap="md">
      <Title order={headingOrder} size="h4">
        {t('schedule.availability.exceptionsTitle')}
      </Title>
      <Text size="sm">{t('schedule.availability.exceptionsIntro')}</Text>
      <ErrorAlert error={remove.error} />
      {exceptions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('schedule.availability.noExceptions')}
        </Text>
      ) : (
        <Table striped aria-label={t('schedule.availability.exceptionsTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('schedule.availability.date')}</Table.Th>
              <Table.Th scope="col">{t('schedule.availability.change')}</Table.Th>
              <Table.Th scope="col">{t('schedule.availability.note')}</Table.Th>
              <Table.Th scope="col">{t('schedule.availability.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {exceptions.map((exception) => {
              const date = formatDate(exception.date, i18n.language);
              const hours =
                exception.startTime && exception.endTime
                  ? `${shortTime(exception.startTime)}–${shortTime(exception.endTime)}`
                  : t('schedule.availability.wholeDay');
              const where = exception.locationId ? ` · ${locationName(exception.locationId)}` : '';
              return (
                <Table.Tr key={exception.id}>
                  <Table.Td>{date}</Table.Td>
                  <Table.Td>
                    {exception.kind === 'extra'
                      ? t('schedule.availability.extraHours', { hours })
                      : t('schedule.availability.removedHours', { hours })}
                    {where}
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{exception.note}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} aria-hidden="true" />}
                      aria-label={t('schedule.availability.deleteExceptionOf', { date })}
                      onClick={() => void deleteException(exception)}
                    >
                      {t('schedule.availability.delete')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <AddExceptionForm
        organisationId={organisationId}
        providerId={providerId}
        locations={locations}
        onAdded={onChanged}
        headingOrder={headingOrder}
      />
    </Stack>
  );
}

const EMPTY = {
  date: '',
  kind: 'extra' as Kind,
  isWholeDay: true,
  startTime: '',
  endTime: '',
  locationId: null as string | null,
  note: '',
};

function AddExceptionForm({
  organisationId,
  providerId,
  locations,
  onAdded,
  headingOrder,
}: {
  organisationId: string;
  providerId: string;
  locations: Location[];
  onAdded: () => void;
  headingOrder: 2 | 3;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const { run, isPending, error, fieldError } = useApiAction();
  const hasHours = form.kind === 'extra' || !form.isWholeDay;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      date: form.date,
      kind: form.kind,
      startTime: hasHours ? form.startTime || null : null,
      endTime: hasHours ? form.endTime || null : null,
      locationId: form.kind === 'extra' ? form.locationId : null,
      note: form.note.trim() || null,
    };
    const isAdded = await run(() =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/providers/{providerId}/exceptions', {
          params: { path: { orgId: organisationId, providerId } },
          body,
        }),
      ),
    );
    if (isAdded) {
      notifySuccess(t('schedule.availability.exceptionAdded'));
      setForm(EMPTY);
      onAdded();
    }
  };

  const labels = {
    date: t('schedule.availability.date'),
    kind: t('schedule.availability.kind'),
    start: t('schedule.availability.start'),
    end: t('schedule.availability.end'),
    location: t('schedule.availability.location'),
    note: t('schedule.availability.note'),
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('schedule.availability.addException')}>
      <Stack gap="sm">
        <Title order={(headingOrder + 1) as 3 | 4} size="h5">
          {t('schedule.availability.addException')}
        </Title>
        <ErrorAlert error={error} />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <TextInput
            type="date"
            label={labels.date}
            required
            value={form.date}
            onChange={(event) => setForm({ ...form, date: event.currentTarget.value })}
            error={fieldError('date', labels.date)}
          />
          <Select
            label={labels.kind}
            required
            data={[
              { value: 'extra', label: t('schedule.availability.kindExtra') },
              { value: 'removed', label: t('schedule.availability.kindRemoved') },
            ]}
            value={form.kind}
            onChange={(value) => value && setForm({ ...form, kind: value as Kind })}
            allowDeselect={false}
            error={fieldError('kind', labels.kind)}
          />
          {form.kind === 'removed' && (
            <Checkbox
              label={t('schedule.availability.wholeDay')}
              checked={form.isWholeDay}
              onChange={(event) => setForm({ ...form, isWholeDay: event.currentTarget.checked })}
              mt={{ base: 0, sm: 30 }}
            />
          )}
          {hasHours && (
            <>
              <TimeInput
                label={labels.start}
                required
                value={form.startTime}
                onChange={(event) => setForm({ ...form, startTime: event.currentTarget.value })}
                error={fieldError('startTime', labels.start)}
              />
              <TimeInput
                label={labels.end}
                required
                value={form.endTime}
                onChange={(event) => setForm({ ...form, endTime: event.currentTarget.value })}
                error={fieldError('endTime', labels.end)}
              />
            </>
          )}
          {form.kind === 'extra' && (
            <Select
              label={labels.location}
              placeholder={t('schedule.availability.anyLocation')}
              data={locations.map((location) => ({ value: location.id, label: location.name }))}
              value={form.locationId}
              onChange={(value) => setForm({ ...form, locationId: value })}
              clearable
              error={fieldError('locationId', labels.location)}
            />
          )}
          <TextInput
            label={labels.note}
            value={form.note}
            maxLength={300}
            onChange={(event) => setForm({ ...form, note: event.currentTarget.value })}
            error={fieldError('note', labels.note)}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button
            type="submit"
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            loading={isPending}
          >
            {t('schedule.availability.addException')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
