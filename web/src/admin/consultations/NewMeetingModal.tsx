// V1/V2/V4: "New meeting" on the Consultations tab — host (agents and admins choose; a provider hosts their
// own), video service, date, start time and duration on the organisation's clock, title, invited providers,
// an optional patient and a repeat — sent as POST /orgs/{orgId}/meetings. The server's field errors show next
// to their inputs (a busy host names the date that collides); anything else in the alert above the buttons.
import {
  Button,
  em,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { IconVideoPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useApiAction } from '../../components/useApiAction';
import { type Provider, providerName } from '../schedule/providers';
import type { Service } from '../schedule/useSchedulingLists';
import { addDays, todayIn } from '../schedule/zonedTime';
import { serviceName } from '../settings/services/serviceForm';
import { emptyMeetingForm, type MeetingForm, toMeetingBody } from './meetingForm';
import { PatientPicker } from './PatientPicker';
import { RecurrenceFields } from './RecurrenceFields';

type Props = {
  organisationId: string;
  timeZone: string;
  /** The organisation's video services that are not archived. */
  services: Service[];
  providers: Provider[];
  /** A provider hosts their own meetings: they get no host picker. */
  host: { canChoose: boolean; myId: string };
  onClose: () => void;
  onCreated: () => void;
};

type FieldError = (path: string, label: string) => string | undefined;
type FieldsProps = {
  form: MeetingForm;
  change: (changes: Partial<MeetingForm>) => void;
  fieldError: FieldError;
};

function initialForm({ services, host, timeZone }: Props): MeetingForm {
  const form = emptyMeetingForm({
    hostId: host.canChoose ? null : host.myId,
    date: addDays(todayIn(timeZone), 1),
    time: '09:00',
  });
  // One video service: nothing to choose.
  const only = services.length === 1 ? services[0] : undefined;
  return only ? { ...form, serviceId: only.id, minutes: only.durationMinutes } : form;
}

export function NewMeetingModal(props: Props) {
  const { organisationId, timeZone, onClose } = props;
  const { t } = useTranslation();
  const isPhone = useMediaQuery(`(max-width: ${em(767.98)})`);
  const [form, setForm] = useState(() => initialForm(props));
  const { run, isPending, error, fieldError } = useApiAction();
  const change = (changes: Partial<MeetingForm>) => setForm((previous) => ({ ...previous, ...changes }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let count = 0;
    const isCreated = await run(async () => {
      const reply = await unwrap(
        api.POST('/api/v1/orgs/{orgId}/meetings', {
          params: { path: { orgId: organisationId } },
          body: toMeetingBody(form, timeZone),
        }),
      );
      count = reply.meetings.length;
    });
    if (isCreated) {
      notifySuccess(t('meetings.form.created', { count }));
      props.onCreated();
    }
  };

  const fields = { form, change, fieldError };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('meetings.form.title')}
      size="lg"
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <WhatFields {...fields} services={props.services} />
          <WhenFields {...fields} />
          <WhoFields {...fields} {...props} />
          <RecurrenceFields form={form} onChange={change} error={error} fieldError={fieldError} />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={isPending}
              leftSection={<IconVideoPlus size={16} aria-hidden="true" />}
            >
              {t('meetings.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function WhatFields({ form, change, fieldError, services }: FieldsProps & { services: Service[] }) {
  const { t, i18n } = useTranslation();
  const labels = { service: t('meetings.form.service'), title: t('meetings.form.titleField') };
  return (
    <>
      <Select
        label={labels.service}
        required
        data={services.map((service) => ({ value: service.id, label: serviceName(service, i18n.language) }))}
        value={form.serviceId}
        onChange={(id) => {
          const service = services.find((candidate) => candidate.id === id);
          // The service's usual length is the starting point; it can still be changed.
          change({ serviceId: id, ...(service ? { minutes: service.durationMinutes } : {}) });
        }}
        error={fieldError('serviceId', labels.service)}
      />
      <TextInput
        label={labels.title}
        description={t('meetings.form.titleHint')}
        maxLength={200}
        value={form.title}
        onChange={(event) => change({ title: event.currentTarget.value })}
        error={fieldError('title', labels.title)}
      />
    </>
  );
}

function WhenFields({ form, change, fieldError }: FieldsProps) {
  const { t } = useTranslation();
  const labels = {
    date: t('meetings.form.date'),
    time: t('meetings.form.time'),
    minutes: t('meetings.form.minutes'),
  };
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }}>
      <TextInput
        type="date"
        label={labels.date}
        required
        value={form.date}
        onChange={(event) => change({ date: event.currentTarget.value })}
        error={fieldError('startsAt', labels.date)}
      />
      <TimeInput
        label={labels.time}
        required
        value={form.time}
        onChange={(event) => change({ time: event.currentTarget.value })}
      />
      <TextInput
        type="number"
        label={labels.minutes}
        required
        min={5}
        max={480}
        step={5}
        value={String(form.minutes)}
        onChange={(event) => change({ minutes: event.currentTarget.value })}
        error={fieldError('minutes', labels.minutes)}
      />
    </SimpleGrid>
  );
}

function WhoFields({ form, change, fieldError, ...props }: FieldsProps & Props) {
  const { t } = useTranslation();
  const labels = { host: t('meetings.form.host'), invited: t('meetings.form.invited') };
  const options = (providers: Provider[]) =>
    providers.map((provider) => ({ value: provider.id, label: providerName(provider) }));
  return (
    <>
      {props.host.canChoose ? (
        <Select
          label={labels.host}
          required
          searchable
          nothingFoundMessage={t('common.noResults')}
          data={options(props.providers)}
          value={form.hostId}
          onChange={(id) =>
            change({ hostId: id, invitedStaffIds: form.invitedStaffIds.filter((x) => x !== id) })
          }
          error={fieldError('hostId', labels.host)}
        />
      ) : (
        <Text size="sm">{t('meetings.form.youHost')}</Text>
      )}
      <MultiSelect
        label={labels.invited}
        description={t('meetings.form.invitedHint')}
        searchable
        nothingFoundMessage={t('common.noResults')}
        data={options(props.providers.filter((provider) => provider.id !== form.hostId))}
        value={form.invitedStaffIds}
        onChange={(ids) => change({ invitedStaffIds: ids })}
        error={fieldError('invitedStaffIds', labels.invited)}
      />
      <PatientPicker
        organisationId={props.organisationId}
        value={form.patient}
        onChange={(patient) => change({ patient })}
        error={fieldError('userId', t('meetings.form.patient'))}
      />
    </>
  );
}
