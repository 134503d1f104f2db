// Notification preferences of a record (U4). Staff switch them (saved at once) until the user changed them
// in their portal space; from then on they are read-only, with the reason.
import { Stack, Switch, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useApiAction } from '../../components/useApiAction';
import { useUserFormat } from './format';
import { Notice } from './Notice';
import { RecordCard } from './RecordCard';
import type { SaveUserReply, UserDetail } from './types';

type Props = { organisationId: string; user: UserDetail; onSaved: (reply: SaveUserReply) => void };
type Preference = 'notifyByEmail' | 'notifyBySms';

export function PreferencesSection({ organisationId, user, onSaved }: Props) {
  const { t } = useTranslation();
  const format = useUserFormat();
  const { run, isPending, error } = useApiAction();
  const isLocked = user.preferencesLocked;

  const save = async (preference: Preference, value: boolean) => {
    // Not disabled while saving, so the keyboard focus stays on the switch; a second press waits.
    if (isPending) return;
    let reply: SaveUserReply | undefined;
    const isDone = await run(async () => {
      reply = await unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/users/{userId}', {
          params: { path: { orgId: organisationId, userId: user.id } },
          body: { [preference]: value },
        }),
      );
    });
    if (isDone && reply) {
      notifySuccess(t('users.preferences.saved'));
      onSaved(reply);
    }
  };

  const hint = (preference: Preference) => {
    if (preference === 'notifyByEmail' && !user.email) return t('users.preferences.noEmail');
    if (preference === 'notifyBySms' && !user.mobilePhone) return t('users.preferences.noMobile');
    return undefined;
  };

  return (
    <RecordCard title={t('users.preferences.title')}>
      {isLocked && (
        <Notice role="note" color="gray" icon={<IconLock aria-hidden="true" />}>
          <Text size="sm">{t('users.preferences.locked')}</Text>
          {user.preferencesSetByUserAt && (
            <Text size="sm" c="dimmed">
              {t('users.preferences.lockedSince', { date: format.dateTime(user.preferencesSetByUserAt) })}
            </Text>
          )}
        </Notice>
      )}
      <ErrorAlert error={error} />
      <Stack gap="sm">
        {(['notifyByEmail', 'notifyBySms'] as const).map((preference) => (
          <Switch
            key={preference}
            label={format.fieldLabel(preference)}
            description={hint(preference)}
            checked={user[preference]}
            disabled={isLocked}
            onChange={(event) => void save(preference, event.currentTarget.checked)}
          />
        ))}
      </Stack>
    </RecordCard>
  );
}
