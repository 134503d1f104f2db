// S4/S11: book an appointment from the schedule — date and time (prefilled from the clicked free time),
// a service that fits there, the user records (search or create inline), optionally outside opening
// hours — with POST /orgs/{orgId}/appointments. A refused booking shows the server's reason; for "one
// upcoming appointment per person" it offers to open the existing appointment so staff can move it.
import {
  Alert,
  Button,
  em,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toApiError } from '../../../api/client';
import { notifySuccess } from '../../../components/notify';
import { useApiAction } from '../../../components/useApiAction';
import { serviceName } from '../../settings/services/serviceForm';
import type { Schedule } from '../scheduleEvents';
import type { Service } from '../useSchedulingLists';
import { toInstantIso } from '../zonedTime';
import { activeServices, serviceFitsAt } from './serviceFit';
import { type PickedUser, UserPicker } from './UserPicker';

type Props = {
  organisationId: string;
  providerId: string;
  providerName: string;
  timeZone: string;
  initial: { date: string; time: string };
  schedule: Schedule | undefined;
  /** The dates the schedule covers: on other dates the form cannot tell which services fit. */
  scheduleDates: { from: string; to: string } | undefined;
  services: Service[];
  onClose: () => void;
  onBooked: () => void;
  onOpenAppointment: (appointmentId: string) => void;
};

export function BookingModal(props: Props) {
  const { organisationId, providerId, timeZone, schedule, onClose } = props;
  const { t, i18n } = useTranslation();
  const isPhone = useMediaQuery(`(max-width: ${em(767.98)})`);
  const [date, setDate] = useState(props.initial.date);
  const [time, setTime] = useState(props.initial.time);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [users, setUsers] = useState<PickedUser[]>([]);
  const [isOutsideHours, setOutsideHours] = useState(false);
  const [existingAppointmentId, setExistingAppointmentId] = useState<string>();
  const { run, isPending, error, fieldError } = useApiAction();

  const startsAt = useMemo(() => {
    try {
      return date && time ? toInstantIso(date, time, timeZone) : undefined;
    } catch {
      return undefined;
    }
  }, [date, time, timeZone]);
  const services = activeServices(props.services);
  const range = props.scheduleDates;
  const isKnownDate = Boolean(schedule && range && date >= range.from && date <= range.to);
  const fitting = services.filter(
    (service) =>
      !isKnownDate || (startsAt && schedule && serviceFitsAt(service, schedule, Date.parse(startsAt))),
  );
  const offered = isOutsideHours ? services : fitting;
  const service = offered.find((s) => s.id === serviceId);
  const capacity = service?.capacity ?? 1;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setExistingAppointmentId(undefined);
    const isBooked = await run(async () => {
      const { error: body, response } = await api.POST('/api/v1/orgs/{orgId}/appointments', {
        params: { path: { orgId: organisationId } },
        body: {
          serviceId: service?.id ?? '',
          providerId,
          startsAt: startsAt ?? '',
          userIds: users.map((user) => user.id),
          outsideOpeningHours: isOutsideHours,
        },
      });
      if (response.ok) return;
      const existing = body?.error.details?.appointmentId;
      if (body?.error.code === 'one_upcoming_per_user' && typeof existing === 'string')
        setExistingAppointmentId(existing);
      throw toApiError(body, response.status);
    });
    if (isBooked) {
      notifySuccess(t('schedule.booking.booked'));
      props.onBooked();
    }
  };

  const labels = {
    date: t('schedule.booking.date'),
    time: t('schedule.booking.time'),
    service: t('schedule.booking.service'),
    users: t('schedule.booking.findUser'),
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('schedule.booking.title', { provider: props.providerName })}
      size="lg"
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {error && (
            <Alert
              role="alert"
              color="red"
              variant="light"
              title={t('common.errorTitle')}
              icon={<IconAlertCircle aria-hidden="true" />}
            >
              <Stack gap="xs">
                <Text size="sm">{error.message}</Text>
                {existingAppointmentId && (
                  <Group>
                    <Button
                      size="compact-sm"
                      variant="white"
                      color="red"
                      onClick={() => props.onOpenAppointment(existingAppointmentId)}
                    >
                      {t('schedule.booking.openExisting')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              type="date"
              label={labels.date}
              required
              value={date}
              onChange={(event) => setDate(event.currentTarget.value)}
              error={fieldError('startsAt', labels.date)}
            />
            <TimeInput
              label={labels.time}
              description={t('schedule.booking.timeZoneHint', { timeZone })}
              required
              value={time}
              onChange={(event) => setTime(event.currentTarget.value)}
            />
          </SimpleGrid>
          <Switch
            label={t('schedule.booking.outsideHours')}
            description={t('schedule.booking.outsideHoursHint')}
            checked={isOutsideHours}
            onChange={(event) => setOutsideHours(event.currentTarget.checked)}
          />
          <Select
            label={labels.service}
            required
            data-autofocus
            placeholder={t('schedule.booking.servicePlaceholder')}
            data={offered.map((s) => ({
              value: s.id,
              label: `${serviceName(s, i18n.language)} (${t('services.minutes', { count: s.durationMinutes })})`,
            }))}
            value={service?.id ?? null}
            onChange={setServiceId}
            nothingFoundMessage={t('common.noResults')}
            description={
              offered.length === 0
                ? services.length === 0
                  ? t('schedule.booking.noServices')
                  : t('schedule.booking.nothingFits')
                : undefined
            }
            error={fieldError('serviceId', labels.service)}
          />
          <UserPicker
            organisationId={organisationId}
            value={users}
            onChange={setUsers}
            max={capacity}
            error={fieldError('userIds', labels.users)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isPending}>
              {t('schedule.booking.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
