// Appointments of a record in this organisation (S6): when, which service, with whom, and the user's status
// as a badge whose word carries the meaning (the colour only repeats it), and a link that opens each one in
// the Schedule (its drawer, its week, its provider).
import { Anchor, Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useLoader } from '../../components/useLoader';
import { scheduleHref } from '../appointment/scheduleLink';
import { useUserFormat } from './format';

const STATUSES = {
  scheduled: { key: 'users.appointments.status.scheduled', color: 'blue' },
  present: { key: 'users.appointments.status.present', color: 'green' },
  absent: { key: 'users.appointments.status.absent', color: 'red' },
  not_eligible: { key: 'users.appointments.status.not_eligible', color: 'grape' },
  cancelled: { key: 'users.appointments.status.cancelled', color: 'gray' },
} as const;

type Props = { organisationId: string; userId: string; revision: number };

export function AppointmentsPanel({ organisationId, userId, revision }: Props) {
  const { t } = useTranslation();
  const format = useUserFormat();
  const loader = useLoader(
    () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/users/{userId}/appointments', {
          params: { path: { orgId: organisationId, userId } },
        }),
      ),
    [organisationId, userId, revision],
  );
  if (loader.error) return <ErrorAlert error={loader.error} />;
  if (!loader.data) return <PageLoader />;
  if (!loader.data.length) return <Text c="dimmed">{t('users.appointments.empty')}</Text>;

  const serviceName = (name: { fr: string; en: string }) => (format.language === 'en' ? name.en : name.fr);
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table striped aria-label={t('users.appointments.caption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.appointments.date')}</Table.Th>
            <Table.Th scope="col">{t('users.appointments.service')}</Table.Th>
            <Table.Th scope="col">{t('users.appointments.provider')}</Table.Th>
            <Table.Th scope="col">{t('users.appointments.statusLabel')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('users.appointments.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loader.data.map((appointment) => {
            const status = STATUSES[appointment.status as keyof typeof STATUSES];
            return (
              <Table.Tr key={appointment.participantId}>
                <Table.Td>
                  <time dateTime={appointment.startsAt}>{format.dateTime(appointment.startsAt)}</time>
                </Table.Td>
                <Table.Td>{serviceName(appointment.serviceName) || appointment.serviceName.fr}</Table.Td>
                <Table.Td>{appointment.providerName}</Table.Td>
                <Table.Td>
                  <Badge color={status?.color ?? 'gray'} variant="light" c="dark.9">
                    {status ? t(status.key) : appointment.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={scheduleHref(appointment.appointmentId)}
                    size="sm"
                    aria-label={t('users.appointments.openFor', {
                      when: format.dateTime(appointment.startsAt),
                    })}
                  >
                    {t('users.appointments.open')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
