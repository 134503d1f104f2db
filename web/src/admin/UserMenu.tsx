// The signed-in member's menu: Account › Notifications, two-step verification, calendar feed, change
// password, sign out.
import { Avatar, Button, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBell,
  IconCalendarShare,
  IconChevronDown,
  IconKey,
  IconLogout,
  IconShieldLock,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, rememberCsrfToken } from '../api/client';
import { ChangePasswordModal } from './ChangePasswordModal';
import { useAdminSession } from './session';

export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useAdminSession();
  const [isPasswordOpen, passwordModal] = useDisclosure(false);
  const { firstName, lastName } = session.staff;
  const name = `${firstName} ${lastName}`;

  const signOut = async () => {
    // Whatever the answer (even a network failure), this tab forgets the session.
    await api.POST('/api/v1/auth/sign-out').catch(() => undefined);
    rememberCsrfToken(undefined);
    navigate('/login', { replace: true });
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="subtle"
            color="dark"
            px="xs"
            aria-label={t('nav.accountMenu', { name })}
            leftSection={
              <Avatar size="sm" color="blue" aria-hidden="true">
                {firstName.charAt(0)}
                {lastName.charAt(0)}
              </Avatar>
            }
            rightSection={<IconChevronDown size={16} aria-hidden="true" />}
          >
            <Text span inherit visibleFrom="sm">
              {name}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            component={Link}
            to="/admin/account/notifications"
            leftSection={<IconBell size={16} aria-hidden="true" />}
          >
            {t('outbox.notifications.menu')}
          </Menu.Item>
          <Menu.Item
            component={Link}
            to="/admin/account/security"
            leftSection={<IconShieldLock size={16} aria-hidden="true" />}
          >
            {t('security.menu')}
          </Menu.Item>
          <Menu.Item
            component={Link}
            to="/admin/account/calendar"
            leftSection={<IconCalendarShare size={16} aria-hidden="true" />}
          >
            {t('account.calendar.menu')}
          </Menu.Item>
          <Menu.Item leftSection={<IconKey size={16} aria-hidden="true" />} onClick={passwordModal.open}>
            {t('auth.changePassword.menu')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} aria-hidden="true" />} onClick={signOut}>
            {t('auth.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={isPasswordOpen} onClose={passwordModal.close} />
    </>
  );
}
