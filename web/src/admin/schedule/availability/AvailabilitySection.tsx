// Settings › Availability (S2): the weekly hours, exceptions and absences of a provider — any provider
// for admins and agents, their own for a provider.
import '../schedule.css';
import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsCard } from '../../settings/SettingsCard';
import { AvailabilityEditor } from './AvailabilityEditor';

type Props = { organisationId: string; timeZone: string };

export function AvailabilitySection({ organisationId, timeZone }: Props) {
  const { t } = useTranslation();
  const [providerId, setProviderId] = useState<string | null>(null);
  return (
    <SettingsCard title={t('schedule.availability.title')}>
      <Text size="sm">{t('schedule.availability.intro', { timeZone })}</Text>
      <AvailabilityEditor
        organisationId={organisationId}
        timeZone={timeZone}
        providerId={providerId}
        onProviderChange={setProviderId}
        headingOrder={3}
      />
    </SettingsCard>
  );
}
