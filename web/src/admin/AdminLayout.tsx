// The admin frame: header (product, organisation, language, account menu), navbar of tabs, main content.
// On phones the navbar slides in behind a burger and is inert while hidden.
import { AppShell, Burger, em, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, asApiError } from '../api/client';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { notifyFailure } from '../components/notify';
import { MAIN_CONTENT_ID } from '../components/SkipLink';
import type { Language } from '../i18n/language';
import { NAV_ITEMS } from './navigation';
import { OrganisationPicker } from './OrganisationPicker';
import { UserMenu } from './UserMenu';

const NAVBAR_ID = 'admin-navbar';

/** Saves the language to the staff member's profile (used for their emails and when no cookie is set). */
async function saveStaffLanguage(language: Language) {
  try {
    const { error, response } = await api.PUT('/api/v1/auth/language', { body: { language } });
    if (!response.ok) notifyFailure(asApiError(error).message);
  } catch (caught) {
    notifyFailure(asApiError(caught).message);
  }
}

export function AdminLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [isNavbarOpen, navbar] = useDisclosure(false);
  const isPhone = useMediaQuery(`(max-width: ${em(767.98)})`);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !isNavbarOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={isNavbarOpen}
              onClick={navbar.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
              aria-expanded={isNavbarOpen}
              aria-controls={NAVBAR_ID}
            />
            <Text component={Link} to="/admin" fw={700} size="xl" c="blue.9" td="none">
              {t('common.appName')}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Group gap="md" wrap="nowrap" visibleFrom="sm">
              <OrganisationPicker />
              <LanguageSwitch onChosen={saveStaffLanguage} />
            </Group>
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id={NAVBAR_ID} p="sm" aria-label={t('nav.main')} inert={isPhone && !isNavbarOpen}>
        <Stack hiddenFrom="sm" gap="sm" mb="md">
          <OrganisationPicker />
          <LanguageSwitch onChosen={saveStaffLanguage} fullWidth />
        </Stack>
        {NAV_ITEMS.map((item) => {
          const to = `/admin/${item.path}`;
          const isActive = pathname === to || pathname.startsWith(`${to}/`);
          return (
            <NavLink
              key={item.path}
              component={Link}
              to={to}
              label={t(item.labelKey)}
              leftSection={<item.icon size={20} stroke={1.6} aria-hidden="true" />}
              active={isActive}
              aria-current={isActive ? 'page' : undefined}
              onClick={navbar.close}
            />
          );
        })}
      </AppShell.Navbar>

      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
