// /admin/settings: the chosen organisation's details, locations and staff, and the account's settings.
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle';
import { useAdminSession, useOrganisation } from '../session';
import { AccountSection } from './AccountSection';
import { LocationsSection } from './LocationsSection';
import { OrganisationSection } from './OrganisationSection';
import { StaffSection } from './StaffSection';

export function SettingsPage() {
  const { t } = useTranslation();
  const { isAccountAdmin } = useAdminSession();
  const { organisationId, role } = useOrganisation();
  usePageTitle(t('settings.title'));
  const isAdmin = role === 'admin';

  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('settings.title')}</Title>
      <OrganisationSection organisationId={organisationId} canEdit={isAdmin} />
      <LocationsSection organisationId={organisationId} canEdit={isAdmin} />
      {(isAdmin || role === 'agent') && <StaffSection organisationId={organisationId} canEdit={isAdmin} />}
      {isAccountAdmin && <AccountSection />}
    </Stack>
  );
}
