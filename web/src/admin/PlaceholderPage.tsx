// A tab that is not built yet: its title and what will appear there.
import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconHourglassHigh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../components/usePageTitle';

export type PlaceholderKey = 'schedule' | 'followUp' | 'users' | 'consultations' | 'reports' | 'outbox';

export function PlaceholderPage({ page }: { page: PlaceholderKey }) {
  const { t } = useTranslation();
  const title = t(`nav.${page}`);
  usePageTitle(title);
  return (
    <Stack>
      <Title order={1}>{title}</Title>
      <Alert
        variant="light"
        color="blue"
        icon={<IconHourglassHigh aria-hidden="true" />}
        title={t('admin.comingSoon')}
        role="note"
      >
        <Text size="sm">{t(`admin.placeholders.${page}`)}</Text>
      </Alert>
    </Stack>
  );
}
