// S9: /admin/schedule — one provider's Week or Day (the provider picker for admins and agents), loaded from
// GET /orgs/{orgId}/schedule for the visible range. Free time opens the booking form; a dragged range can be
// locked; an appointment opens the shared appointment drawer, addressed by ?appointment=<id> (a deep link
// also brings the appointment's provider and week into view); a lock can be unlocked. Everything reloads
// after a change.
import type { CalendarRef } from '@fullcalendar/react';
import { Anchor, Button, em, Group, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCalendarPlus, IconClockEdit, IconLock } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useLoader } from '../../components/useLoader';
import { usePageTitle } from '../../components/usePageTitle';
import { AppointmentDrawer } from '../appointment/AppointmentDrawer';
import type { AppointmentDetail } from '../appointment/historyText';
import { APPOINTMENT_PARAM } from '../appointment/scheduleLink';
import { useOrganisation } from '../session';
import { BookingModal } from './booking/BookingModal';
import { LockDetailsModal } from './locks/LockDetailsModal';
import { LockModal } from './locks/LockModal';
import { MeetingDrawer } from './MeetingDrawer';
import { ProviderSelect, pickProvider, providerName, useProviders } from './providers';
import type { CalendarView } from './ScheduleCalendar';
import { AbsencesSummary, ScheduleLegend } from './ScheduleLegend';
import { type ScheduleLock, toCalendarEvents, visibleHours } from './scheduleEvents';
import { useSchedulingLists } from './useSchedulingLists';
import { localParts, todayIn, visibleDates } from './zonedTime';

// FullCalendar is the largest part of the admin: it loads with the schedule, not with the other tabs.
const ScheduleCalendar = lazy(() => import('./ScheduleCalendar'));

type Dialog =
  | { kind: 'book'; date: string; time: string }
  | { kind: 'lock'; date: string; startTime: string; endTime: string }
  | { kind: 'lockDetails'; lock: ScheduleLock }
  | { kind: 'meeting'; meetingId: string }
  | null;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function ScheduleView() {
  const { t, i18n } = useTranslation();
  const { organisationId, role, timeZone } = useOrganisation();
  const isManager = role === 'admin' || role === 'agent';
  const isPhone = useMediaQuery(`(max-width: ${em(767.98)})`, undefined, { getInitialValueInEffect: false });
  const [searchParams, setSearchParams] = useSearchParams();
  const providers = useProviders();
  const lists = useSchedulingLists(organisationId);
  const provider = pickProvider(providers.data, searchParams.get('provider'));
  const calendarRef = useRef<CalendarRef>(null);
  const [range, setRange] = useState<{ start: Date; end: Date }>();
  const [dialog, setDialog] = useState<Dialog>(null);
  usePageTitle(t('nav.schedule'));

  const dates = range ? visibleDates(range.start, range.end, timeZone) : undefined;
  const providerId = provider?.id;
  const schedule = useLoader(async () => {
    if (!providerId || !range || !dates) return undefined;
    const data = await unwrap(
      api.GET('/api/v1/orgs/{orgId}/schedule', {
        params: { path: { orgId: organisationId }, query: { providerId, from: dates.from, to: dates.to } },
      }),
    );
    return { providerId, range, dates, data };
  }, [organisationId, providerId, dates?.from, dates?.to]);
  // While another provider's schedule loads, the previous one is not shown under the new name.
  const loaded = schedule.data?.providerId === providerId ? schedule.data : undefined;

  const events = useMemo(
    () =>
      loaded
        ? toCalendarEvents(loaded.data, loaded.range, {
            serviceName: (name) => (i18n.language === 'en' ? name.en : name.fr),
            locked: t('schedule.locked'),
            absent: t('schedule.absent'),
          })
        : [],
    [loaded, i18n.language, t],
  );
  const hours = visibleHours(loaded?.data, timeZone);
  // Where the calendar is (view and date), so it comes back there when it is rebuilt for another language.
  const [position, setPosition] = useState<{ view?: CalendarView; date?: string }>(() => {
    const date = searchParams.get('date');
    return { date: date && DATE_PATTERN.test(date) ? date : undefined };
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a phone turned into a tablet gets its default view again.
  useEffect(() => setPosition((previous) => ({ ...previous, view: undefined })), [isPhone]);

  const chooseProvider = (id: string) =>
    setSearchParams(
      (params) => {
        params.set('provider', id);
        return params;
      },
      { replace: true },
    );
  // The opened appointment lives in the address, so a link can open it and a reload keeps it open.
  const openedAppointmentId = searchParams.get(APPOINTMENT_PARAM);
  const openAppointment = (appointmentId: string | null) => {
    setDialog(null);
    setSearchParams(
      (params) => {
        if (appointmentId) params.set(APPOINTMENT_PARAM, appointmentId);
        else params.delete(APPOINTMENT_PARAM);
        return params;
      },
      { replace: true },
    );
  };
  /** The calendar follows the opened appointment: its provider (when it may be chosen) and its date. */
  const showInCalendar = (detail: AppointmentDetail) => {
    if (detail.providerId !== providerId && providers.data?.some((p) => p.id === detail.providerId))
      chooseProvider(detail.providerId);
    const { date } = localParts(detail.startsAt, timeZone);
    if (dates && date >= dates.from && date <= dates.to) return;
    // A calendar still to be built starts there; one already shown goes there.
    setPosition((previous) => ({ ...previous, date }));
    calendarRef.current?.getApi().gotoDate(date);
  };
  const close = () => setDialog(null);
  const afterChange = () => {
    setDialog(null);
    schedule.reload();
  };
  const shownDate = () => {
    const today = todayIn(timeZone);
    return dates && (today < dates.from || today > dates.to) ? dates.from : today;
  };

  if (providers.error || lists.error) return <ErrorAlert error={providers.error ?? lists.error} />;
  if (!providers.data || !lists.data) return <PageLoader />;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Title order={1}>{t('nav.schedule')}</Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {providers.canChooseProvider && providers.data.length > 0 && (
            <ProviderSelect providers={providers.data} value={providerId} onChange={chooseProvider} />
          )}
          {provider && (
            <>
              <Button
                leftSection={<IconCalendarPlus size={18} aria-hidden="true" />}
                onClick={() => setDialog({ kind: 'book', date: shownDate(), time: '09:00' })}
              >
                {t('schedule.newAppointment')}
              </Button>
              {isManager && (
                <Button
                  color="red.9"
                  leftSection={<IconLock size={18} aria-hidden="true" />}
                  onClick={() =>
                    setDialog({ kind: 'lock', date: shownDate(), startTime: '12:00', endTime: '13:00' })
                  }
                >
                  {t('schedule.lockTime')}
                </Button>
              )}
              <Anchor component={Link} to={`availability?provider=${provider.id}`} size="sm">
                <Group gap={4} component="span" wrap="nowrap">
                  <IconClockEdit size={16} aria-hidden="true" />
                  {t('schedule.editAvailability')}
                </Group>
              </Anchor>
            </>
          )}
        </Group>
      </Group>
      {providers.data.length === 0 && <Text c="dimmed">{t('schedule.noProviders')}</Text>}
      {provider && (
        <>
          <Text size="sm">
            {t('schedule.intro', { provider: providerName(provider), timeZone })}{' '}
            {isManager ? t('schedule.howToManager') : t('schedule.howTo')}{' '}
            {lists.data.services.length === 0 && t('schedule.noServicesYet')}
          </Text>
          <ScheduleLegend />
          <AbsencesSummary absences={loaded?.data.absences ?? []} timeZone={timeZone} />
          <ErrorAlert error={schedule.error} />
          <div aria-busy={schedule.isLoading}>
            <Suspense fallback={<PageLoader />}>
              <ScheduleCalendar
                // FullCalendar is rebuilt (at the same place) when the language or the screen class changes.
                key={`${provider.id}:${isPhone ? 'phone' : 'wide'}:${i18n.language}`}
                calendarRef={calendarRef}
                events={events}
                timeZone={timeZone}
                initialView={position.view ?? (isPhone ? 'timeGridDay' : 'timeGridWeek')}
                initialDate={position.date}
                hours={hours}
                canSelectRange={isManager}
                onRangeChange={(shown, view) => {
                  setRange(shown);
                  setPosition({ view, date: visibleDates(shown.start, shown.end, timeZone).from });
                }}
                onFreeTimeClick={(startsAt) => setDialog({ kind: 'book', ...localParts(startsAt, timeZone) })}
                onRangeSelect={({ startsAt, endsAt }) => {
                  const start = localParts(startsAt, timeZone);
                  const end = localParts(endsAt, timeZone);
                  calendarRef.current?.getApi().unselect();
                  setDialog({ kind: 'lock', date: start.date, startTime: start.time, endTime: end.time });
                }}
                onEventClick={(meta) => {
                  if (meta.kind === 'appointment' && meta.appointment.meeting)
                    setDialog({ kind: 'meeting', meetingId: meta.appointment.id });
                  else if (meta.kind === 'appointment') openAppointment(meta.appointment.id);
                  if (meta.kind === 'lock') setDialog({ kind: 'lockDetails', lock: meta.lock });
                }}
              />
            </Suspense>
          </div>
        </>
      )}

      {provider && dialog?.kind === 'book' && (
        <BookingModal
          organisationId={organisationId}
          providerId={provider.id}
          providerName={providerName(provider)}
          timeZone={timeZone}
          initial={dialog}
          schedule={loaded?.data}
          scheduleDates={loaded?.dates}
          services={lists.data.services}
          onClose={close}
          onBooked={afterChange}
          onOpenAppointment={openAppointment}
        />
      )}
      {provider && dialog?.kind === 'lock' && (
        <LockModal
          organisationId={organisationId}
          providerId={provider.id}
          providerName={providerName(provider)}
          timeZone={timeZone}
          initial={dialog}
          onClose={close}
          onLocked={afterChange}
        />
      )}
      {dialog?.kind === 'lockDetails' && (
        <LockDetailsModal
          organisationId={organisationId}
          lock={dialog.lock}
          timeZone={timeZone}
          canUnlock={isManager}
          onClose={close}
          onUnlocked={afterChange}
        />
      )}
      {dialog?.kind === 'meeting' && (
        <MeetingDrawer meetingId={dialog.meetingId} onClose={close} onChanged={schedule.reload} />
      )}
      {openedAppointmentId && (
        <AppointmentDrawer
          key={openedAppointmentId}
          appointmentId={openedAppointmentId}
          locations={lists.data.locations}
          onClose={() => openAppointment(null)}
          onChanged={schedule.reload}
          onLoaded={showInCalendar}
        />
      )}
    </Stack>
  );
}
