// /admin/settings: the chosen organisation's details, locations, services (S1), providers' availability (S2)
// and staff, and the account's settings.
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle';
import { AvailabilitySection } from '../schedule/availability/AvailabilitySection';
import { useAdminSession, useOrganisation } from '../session';
import { AccountSection } from './AccountSection';
import { LocationsSection } from './LocationsSection';
import { OrganisationSection } from './OrganisationSection';
import { StaffSection } from './StaffSection';
import { ServicesSection } from './services/ServicesSection';
import { TagsSection } from './tags/TagsSection';

export function SettingsPage() {
  const { t } = useTranslation();
  const { isAccountAdmin } = useAdminSession();
  const { organisationId, role, timeZone } = useOrganisation();
  usePageTitle(t('settings.title'));
  const isAdmin = role === 'admin';

  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('settings.title')}</Title>
      <OrganisationSection organisationId={organisationId} canEdit={isAdmin} />
      <LocationsSection organisationId={organisationId} canEdit={isAdmin} />
      <ServicesSection organisationId={organisationId} canEdit={isAdmin} />
      <AvailabilitySection organisationId={organisationId} timeZone={timeZone} />
      {(isAdmin || role === 'agent') && <StaffSection organisationId={organisationId} canEdit={isAdmin} />}
      {isAccountAdmin && <TagsSection />}
      {isAccountAdmin && <AccountSection />}
    </Stack>
  );
}
