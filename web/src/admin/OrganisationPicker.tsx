// Chooses the organisation the admin pages work on (shown when the member belongs to several).
import { Select, Text } from '@mantine/core';
import { IconBuildingHospital } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAdminSession } from './session';

export function OrganisationPicker() {
  const { t } = useTranslation();
  const { session, membership, selectOrganisation } = useAdminSession();
  if (!membership) return null;
  if (session.memberships.length < 2) {
    return (
      <Text fw={600} size="sm">
        {membership.organisationName}
      </Text>
    );
  }
  return (
    <Select
      aria-label={t('nav.organisation')}
      leftSection={<IconBuildingHospital size={18} aria-hidden="true" />}
      data={session.memberships.map((m) => ({ value: m.organisationId, label: m.organisationName }))}
      value={membership.organisationId}
      onChange={(value) => value && selectOrganisation(value)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      w={240}
    />
  );
}
