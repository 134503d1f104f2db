// S2: weekly opening hours — several ranges per weekday, each with its location and optional services —
// saved together in one PUT /providers/{id}/weekly-hours (the server replaces the whole week at once).
import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notifySuccess } from '../../../components/notify';
import { useApiAction } from '../../../components/useApiAction';
import { serviceName } from '../../settings/services/serviceForm';
import type { Location, Service } from '../useSchedulingLists';
import { weekdayName, weekdayTitle } from './weekdays';
import {
  type Availability,
  newRange,
  type RangeDraft,
  rangeFieldPath,
  rangesToBody,
  rulesToRanges,
  WEEKDAYS,
} from './weeklyHours';

type Props = {
  organisationId: string;
  providerId: string;
  locations: Location[];
  services: Service[];
  rules: Availability['rules'];
  headingOrder: 2 | 3;
};

export function WeeklyHoursEditor({
  organisationId,
  providerId,
  locations,
  services,
  rules,
  headingOrder,
}: Props) {
  const { t, i18n } = useTranslation();
  const [ranges, setRanges] = useState(() => rulesToRanges(rules));
  const { run, isPending, error, fieldError } = useApiAction();

  const update = (key: string, change: Partial<RangeDraft>) =>
    setRanges((list) => list.map((range) => (range.key === key ? { ...range, ...change } : range)));
  const add = (weekday: number) =>
    setRanges((list) => {
      const day = list.filter((range) => range.weekday === weekday);
      return [...list, newRange(weekday, day.at(-1))];
    });
  const remove = (key: string) => setRanges((list) => list.filter((range) => range.key !== key));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isSaved = await run(() =>
      unwrap(
        api.PUT('/api/v1/orgs/{orgId}/providers/{providerId}/weekly-hours', {
          params: { path: { orgId: organisationId, providerId } },
          body: rangesToBody(ranges),
        }),
      ),
    );
    if (isSaved) notifySuccess(t('schedule.availability.weeklySaved'));
  };

  const locationOptions = locations.map((location) => ({ value: location.id, label: location.name }));
  const serviceOptions = (selected: string[]) =>
    services
      .filter((service) => !service.archivedAt || selected.includes(service.id))
      .map((service) => ({ value: service.id, label: serviceName(service, i18n.language) }));
  const labels = {
    start: t('schedule.availability.start'),
    end: t('schedule.availability.end'),
    location: t('schedule.availability.location'),
    services: t('schedule.availability.services'),
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={headingOrder} size="h4">
          {t('schedule.availability.weeklyTitle')}
        </Title>
        <Text size="sm">{t('schedule.availability.weeklyIntro')}</Text>
        <ErrorAlert error={error} />
        {WEEKDAYS.map((weekday) => {
          const day = weekdayTitle(weekday, i18n.language);
          const dayInSentence = weekdayName(weekday, i18n.language);
          const dayRanges = ranges.filter((range) => range.weekday === weekday);
          return (
            <Fieldset key={weekday} legend={day} variant="filled" p="sm">
              <Stack gap="sm">
                {dayRanges.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('schedule.availability.closed')}
                  </Text>
                )}
                {dayRanges.map((range, index) => {
                  const path = (field: string) => rangeFieldPath(ranges, range.key, field);
                  const rangeLabel = t('schedule.availability.rangeLegend', { day, number: index + 1 });
                  return (
                    <fieldset key={range.key} className="creneau-plain-fieldset">
                      <VisuallyHidden component="legend">{rangeLabel}</VisuallyHidden>
                      <Group align="flex-start" gap="sm" wrap="wrap">
                        <TimeInput
                          label={labels.start}
                          required
                          value={range.startTime}
                          onChange={(event) => update(range.key, { startTime: event.currentTarget.value })}
                          error={fieldError(path('startTime'), labels.start)}
                          w={130}
                        />
                        <TimeInput
                          label={labels.end}
                          required
                          value={range.endTime}
                          onChange={(event) => update(range.key, { endTime: event.currentTarget.value })}
                          error={fieldError(path('endTime'), labels.end)}
                          w={130}
                        />
                        <Select
                          label={labels.location}
                          placeholder={t('schedule.availability.anyLocation')}
                          data={locationOptions}
                          value={range.locationId}
                          onChange={(value) => update(range.key, { locationId: value })}
                          clearable
                          error={fieldError(path('locationId'), labels.location)}
                          w={{ base: '100%', xs: 240 }}
                        />
                        <MultiSelect
                          label={labels.services}
                          placeholder={
                            range.serviceIds.length ? undefined : t('schedule.availability.allServices')
                          }
                          data={serviceOptions(range.serviceIds)}
                          value={range.serviceIds}
                          onChange={(value) => update(range.key, { serviceIds: value })}
                          clearable
                          error={fieldError(path('serviceIds'), labels.services)}
                          w={{ base: '100%', xs: 260 }}
                        />
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          size="lg"
                          mt={{ base: 0, xs: 26 }}
                          aria-label={t('schedule.availability.removeRange', { range: rangeLabel })}
                          onClick={() => remove(range.key)}
                        >
                          <IconTrash size={18} aria-hidden="true" />
                        </ActionIcon>
                      </Group>
                    </fieldset>
                  );
                })}
                <Group>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    leftSection={<IconPlus size={14} aria-hidden="true" />}
                    aria-label={t('schedule.availability.addRangeOn', { day: dayInSentence })}
                    onClick={() => add(weekday)}
                  >
                    {t('schedule.availability.addRange')}
                  </Button>
                </Group>
              </Stack>
            </Fieldset>
          );
        })}
        <Group justify="flex-end">
          <Button type="submit" loading={isPending}>
            {t('schedule.availability.saveWeekly')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
