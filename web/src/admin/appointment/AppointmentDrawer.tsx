// S6–S8/F5/N2: the one appointment drawer of the admin, opened from the Schedule (an event, a booking's
// "open", /admin/schedule?appointment=<id>) and from a Follow-up row. It loads GET /appointments/{id} and
// shows the summary and participants with their statuses, the actions (move, send the reminder now,
// cancel) and the history in words; from outside the Schedule it links to the appointment there.
import { Anchor, Drawer, em, Group, Stack, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCalendarWeek } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useLoader } from '../../components/useLoader';
import type { Location } from '../schedule/useSchedulingLists';
import { localParts } from '../schedule/zonedTime';
import { useOrganisation } from '../session';
import { serviceName } from '../settings/services/serviceForm';
import { AppointmentActions } from './AppointmentActions';
import { AppointmentHistory } from './AppointmentHistory';
import { AppointmentSummary } from './AppointmentSummary';
import type { AppointmentDetail } from './historyText';
import { ParticipantStatusAction } from './ParticipantStatusAction';
import { scheduleHref } from './scheduleLink';

type Props = {
  appointmentId: string;
  /** The organisation's locations, to name the appointment's one. */
  locations: readonly Location[];
  onClose: () => void;
  /** After a move, a cancellation or a reminder: the page behind reloads what it shows. */
  onChanged?: () => void;
  /** Each time the appointment is (re)loaded: the Schedule brings its week and provider into view. */
  onLoaded?: (detail: AppointmentDetail) => void;
  /** Outside the Schedule tab: a link opens the appointment there. */
  showScheduleLink?: boolean;
};

export function AppointmentDrawer({
  appointmentId,
  locations,
  onClose,
  onChanged,
  onLoaded,
  ...props
}: Props) {
  const { t, i18n } = useTranslation();
  const { organisationId, timeZone } = useOrganisation();
  const isPhone = useMediaQuery(`(max-width: ${em(767.98)})`);
  const loader = useLoader(
    () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/appointments/{appointmentId}', {
          params: { path: { orgId: organisationId, appointmentId } },
        }),
      ),
    [organisationId, appointmentId],
  );
  const detail = loader.data;
  // The latest callback, called once per load (not on every render of the page behind).
  const onLoadedRef = useRef(onLoaded);
  onLoadedRef.current = onLoaded;
  useEffect(() => {
    if (detail) onLoadedRef.current?.(detail);
  }, [detail]);

  const title = detail ? serviceName(detail.service, i18n.language) : t('schedule.appointment.title');
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={isPhone ? '100%' : 'lg'}
      title={
        <Title order={2} size="h3">
          {title}
        </Title>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <ErrorAlert error={loader.error} />
      {!detail && loader.isLoading && <PageLoader />}
      {detail && (
        <Stack gap="lg">
          <AppointmentSummary detail={detail} timeZone={timeZone} locations={locations} />
          {props.showScheduleLink && (
            <Anchor
              component={Link}
              to={scheduleHref(detail.id, {
                providerId: detail.providerId,
                date: localParts(detail.startsAt, timeZone).date,
              })}
              size="sm"
              w="fit-content"
            >
              <Group gap={4} component="span" wrap="nowrap">
                <IconCalendarWeek size={16} aria-hidden="true" />
                {t('schedule.appointment.showInSchedule')}
              </Group>
            </Anchor>
          )}
          <AppointmentActions
            detail={detail}
            onChanged={() => {
              loader.reload();
              onChanged?.();
            }}
          />
          <ParticipantStatusAction
            detail={detail}
            onChanged={() => {
              loader.reload();
              onChanged?.();
            }}
          />
          <AppointmentHistory detail={detail} timeZone={timeZone} />
        </Stack>
      )}
    </Drawer>
  );
}
