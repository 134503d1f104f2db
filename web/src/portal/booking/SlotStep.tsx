// Booking step 2 (P1, S3): optionally a location, then a week strip of the free slots from the public slot
// search, with previous/next week. Times are the organisation's clock, whose zone is named. Picking a time
// holds it (S10).
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconClock, IconInfoCircle } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useLoader } from '../../components/useLoader';
import { currentLanguage } from '../../i18n';
import classes from '../portal.module.css';
import { portalApi } from '../portalClient';
import type { PublicOrganisation } from '../usePublicOrganisation';
import {
  addDays,
  formatPlainDate,
  formatTime,
  formatWeekday,
  timeZoneName,
  todayIn,
  weekDates,
} from './orgTime';
import { StepHeading } from './StepHeading';
import { groupSlotsByDate } from './slotGroups';
import { type PublicService, type PublicSlot, serviceName } from './types';

type Props = {
  organisation: PublicOrganisation;
  service: PublicService;
  locationId: string | null;
  weekStart: string;
  /** Bumped to fetch the slots again (a slot was taken meanwhile). */
  revision: number;
  /** Why the person is back here (the slot was taken, the hold expired), shown above the slots. */
  notice: string | null;
  pendingSlot: PublicSlot | null;
  focusOnMount: boolean;
  onLocationChange: (locationId: string | null) => void;
  onWeekChange: (weekStart: string) => void;
  onPick: (slot: PublicSlot) => void;
  onChangeService: () => void;
};

const ANY_LOCATION = '';

export function SlotStep(props: Props) {
  const { organisation, service, locationId, weekStart, revision } = props;
  const { t } = useTranslation();
  const language = currentLanguage();
  const timeZone = organisation.timeZone;
  const today = todayIn(timeZone);
  const serviceLocations = organisation.locations.filter((l) => service.locationIds.includes(l.id));
  const showsLocations = serviceLocations.length > 1 && !locationId;
  const loader = useLoader(
    () =>
      unwrap(
        portalApi.GET('/api/v1/public/organisations/{slug}/services/{serviceId}/slots', {
          params: {
            path: { slug: organisation.slug, serviceId: service.id },
            query: { from: weekStart, to: addDays(weekStart, 6), ...(locationId ? { locationId } : {}) },
          },
        }),
      ),
    [organisation.slug, service.id, locationId, weekStart, revision],
  );
  const groups = groupSlotsByDate(loader.data ?? [], timeZone, { byLocation: showsLocations });
  const dates = weekDates(weekStart);
  const [chosenDate, setChosenDate] = useState<string>();
  const selectedDate =
    chosenDate && dates.includes(chosenDate) ? chosenDate : (dates.find((d) => groups.has(d)) ?? weekStart);
  const daySlots = groups.get(selectedDate) ?? [];
  const total = [...groups.values()].reduce((sum, list) => sum + list.length, 0);
  const slotsHeadingId = useId();
  const locationName = (id: string | null) => organisation.locations.find((l) => l.id === id)?.name;

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <StepHeading focusOnMount={props.focusOnMount}>{t('portal.booking.chooseTime')}</StepHeading>
        <Group gap="xs" wrap="wrap">
          <Text>
            {serviceName(service, language)} ·{' '}
            {t('portal.booking.duration', { count: service.durationMinutes })}
          </Text>
          <Button variant="subtle" size="compact-sm" onClick={props.onChangeService}>
            {t('portal.booking.changeService')}
          </Button>
        </Group>
      </Stack>
      {serviceLocations.length > 1 && (
        <NativeSelect
          label={t('portal.booking.location')}
          value={locationId ?? ANY_LOCATION}
          onChange={(event) => props.onLocationChange(event.currentTarget.value || null)}
          data={[
            { value: ANY_LOCATION, label: t('portal.booking.anyLocation') },
            ...serviceLocations.map((l) => ({ value: l.id, label: l.name })),
          ]}
        />
      )}
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconClock size={18} aria-hidden="true" style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="sm">
          {t('portal.booking.timeZoneNote', { zone: timeZoneName(timeZone, language), id: timeZone })}
        </Text>
      </Group>
      {props.notice && (
        <Alert role="alert" color="orange" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
          <Text c="dark.9" size="sm">
            {props.notice}
          </Text>
        </Alert>
      )}
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Button
          variant="default"
          size="sm"
          leftSection={<IconChevronLeft size={16} aria-hidden="true" />}
          disabled={weekStart <= today}
          aria-label={t('portal.booking.previousWeek')}
          onClick={() => props.onWeekChange([addDays(weekStart, -7), today].sort()[1] ?? today)}
        >
          {t('portal.booking.previous')}
        </Button>
        <Button
          variant="default"
          size="sm"
          rightSection={<IconChevronRight size={16} aria-hidden="true" />}
          aria-label={t('portal.booking.nextWeek')}
          onClick={() => props.onWeekChange(addDays(weekStart, 7))}
        >
          {t('portal.booking.next')}
        </Button>
      </Group>
      <Title order={3} size="h5">
        {t('portal.booking.weekOf', {
          from: formatPlainDate(weekStart, language),
          to: formatPlainDate(addDays(weekStart, 6), language),
        })}
      </Title>
      <VisuallyHidden role="status">
        {loader.isLoading
          ? t('common.loading')
          : loader.data
            ? t('portal.booking.weekCount', { count: total })
            : ''}
      </VisuallyHidden>
      <ErrorAlert error={loader.error} />
      {loader.isLoading && !loader.data && <PageLoader />}
      {loader.data && (
        <>
          <SimpleGrid cols={7} spacing={4} role="group" aria-label={t('portal.booking.days')}>
            {dates.map((date) => {
              const count = groups.get(date)?.length ?? 0;
              return (
                <button
                  key={date}
                  type="button"
                  className={`${classes.day} mantine-focus-auto`}
                  aria-pressed={date === selectedDate}
                  data-empty={count === 0}
                  aria-label={t('portal.booking.dayLabel', { date: formatPlainDate(date, language), count })}
                  onClick={() => setChosenDate(date)}
                >
                  <span>{formatWeekday(date, language)}</span>
                  <strong>{Number(date.slice(8))}</strong>
                  <span className={classes.dayCount}>{count > 0 ? count : '–'}</span>
                </button>
              );
            })}
          </SimpleGrid>
          {total === 0 ? (
            <Text>{t('portal.booking.noSlotsThisWeek')}</Text>
          ) : (
            <Stack gap="xs" component="section" aria-labelledby={slotsHeadingId}>
              <Title order={3} size="h5" id={slotsHeadingId}>
                {t('portal.booking.slotsOn', { date: formatPlainDate(selectedDate, language) })}
              </Title>
              {daySlots.length === 0 ? (
                <Text c="dimmed">{t('portal.booking.noSlotsThisDay')}</Text>
              ) : (
                <SimpleGrid cols={{ base: 3, xs: 4 }} spacing="xs">
                  {daySlots.map((slot) => {
                    const time = formatTime(slot.startsAt, timeZone, language);
                    const where = showsLocations ? locationName(slot.locationId) : undefined;
                    const isPending = props.pendingSlot === slot;
                    return (
                      <Button
                        key={`${slot.startsAt}|${slot.locationId}`}
                        variant="outline"
                        h="auto"
                        mih={44}
                        py={6}
                        px={4}
                        loading={isPending}
                        disabled={props.pendingSlot !== null && !isPending}
                        onClick={() => props.onPick(slot)}
                        styles={{
                          root: { display: 'flex', alignItems: 'center', justifyContent: 'center' },
                          label: { whiteSpace: 'normal', flexDirection: 'column' },
                        }}
                      >
                        <span>{time}</span>
                        {where && (
                          <Text span size="xs" fw={400}>
                            {where}
                          </Text>
                        )}
                      </Button>
                    );
                  })}
                </SimpleGrid>
              )}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
