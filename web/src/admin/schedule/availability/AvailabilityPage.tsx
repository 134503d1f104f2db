// /admin/schedule/availability?provider=…: a provider's weekly hours, exceptions and absences (S2),
// opened from the schedule for the provider shown there.
import { Anchor, Group, Stack, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../../components/usePageTitle';
import { useOrganisation } from '../../session';
import { AvailabilityEditor } from './AvailabilityEditor';

export function AvailabilityPage() {
  const { t } = useTranslation();
  const { organisationId, timeZone } = useOrganisation();
  const [searchParams, setSearchParams] = useSearchParams();
  const providerId = searchParams.get('provider');
  usePageTitle(t('schedule.availability.title'));

  return (
    <Stack gap="lg" maw={1100}>
      <Anchor component={Link} to={providerId ? `..?provider=${providerId}` : '..'} relative="path" size="sm">
        <Group gap={4} component="span" wrap="nowrap">
          <IconArrowLeft size={16} aria-hidden="true" />
          {t('schedule.availability.back')}
        </Group>
      </Anchor>
      <Title order={1}>{t('schedule.availability.title')}</Title>
      <AvailabilityEditor
        organisationId={organisationId}
        timeZone={timeZone}
        providerId={providerId}
        onProviderChange={(id) => setSearchParams({ provider: id }, { replace: true })}
        headingOrder={2}
      />
    </Stack>
  );
}
