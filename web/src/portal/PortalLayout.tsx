// The frame of every portal page, phone first: a header with the organisation (or Créneau) as a link home,
// the user-space link and the Français/English switch; the main landmark (skip-link target); a footer.
import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { IconUserCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { MAIN_CONTENT_ID } from '../components/SkipLink';

type Props = {
  /** The organisation the page belongs to: its name leads back to its public page. */
  organisation?: { slug: string; name: string };
  /** Hides the user-space link (on the user space itself). */
  isUserSpace?: boolean;
  children: ReactNode;
};

export function PortalLayout({ organisation, isUserSpace = false, children }: Props) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="md" py="sm" px="md">
          <Group justify="space-between" gap="xs" wrap="wrap">
            {organisation ? (
              <Anchor component={Link} to={`/p/${organisation.slug}`} fw={700} c="blue.9" underline="hover">
                {organisation.name}
              </Anchor>
            ) : (
              <Text fw={700} size="lg" c="blue.9">
                {t('common.appName')}
              </Text>
            )}
            <Group gap="sm" wrap="nowrap">
              {!isUserSpace && (
                <Anchor
                  component={Link}
                  to={organisation ? `/portal?org=${organisation.slug}` : '/portal'}
                  size="sm"
                  fw={600}
                >
                  <Group gap={4} component="span" wrap="nowrap">
                    <IconUserCircle size={18} aria-hidden="true" />
                    {t('portal.mySpace')}
                  </Group>
                </Anchor>
              )}
              <LanguageSwitch />
            </Group>
          </Group>
        </Container>
      </Box>
      <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} size="sm" py="lg" px="md">
        {children}
      </Container>
      <Container component="footer" size="md" pb="lg">
        <Text size="sm" c="dimmed" ta="center">
          {t('portal.poweredBy')}
        </Text>
      </Container>
    </Box>
  );
}
