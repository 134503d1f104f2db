// S7/F5: an appointment's history, oldest first, as a named ordered list: what happened, the details
// (who, from/to, options chosen, a notification's channel and error), when and by whom.
import { List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../schedule/zonedTime';
import { type AppointmentDetail, historyActor, historyDetails, historyTitle } from './historyText';

export function AppointmentHistory({ detail, timeZone }: { detail: AppointmentDetail; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('schedule.history.title')}
      </Title>
      <List type="ordered" listStyleType="none" spacing="md" aria-label={t('schedule.history.title')}>
        {detail.history.map((entry) => (
          <List.Item key={entry.id}>
            <Text size="sm" fw={600}>
              {historyTitle(entry, t)}
            </Text>
            {historyDetails(entry, { detail, timeZone, language, t }).map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
            <Text size="xs" c="dimmed">
              {formatDateTime(entry.at, timeZone, language)} · {historyActor(entry, t)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
