// The frame of the signed-out staff pages (sign-in, forgotten password, reset link): the app's name, the
// language switch and one centred card.
import { Box, Container, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { MAIN_CONTENT_ID } from '../components/SkipLink';

export function StaffAuthLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box bg="gray.0" mih="100vh">
      <Group component="header" justify="space-between" px="md" py="sm">
        <Text fw={700} size="xl" c="blue.9">
          {t('common.appName')}
        </Text>
        <LanguageSwitch />
      </Group>
      <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} size={440} py="xl">
        <Paper withBorder shadow="sm" p="xl" radius="md">
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
