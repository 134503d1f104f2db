// U2: the account setting "users visible across all organisations" (PATCH /accounts/{accountId}), for
// account admins. The switch saves at once and reflects the server's answer.
import { Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useApiAction } from '../../components/useApiAction';
import { useAdminSession } from '../session';
import { SettingsCard } from './SettingsCard';

export function AccountSection() {
  const { t } = useTranslation();
  const { session, reloadSession } = useAdminSession();
  const { account } = session;
  const [isVisible, setVisible] = useState(account.usersVisibleAcrossOrganisations);
  const { run, isPending, error } = useApiAction();

  const change = async (checked: boolean) => {
    const saved = await run(async () => {
      const updated = await unwrap(
        api.PATCH('/api/v1/accounts/{accountId}', {
          params: { path: { accountId: account.id } },
          body: { usersVisibleAcrossOrganisations: checked },
        }),
      );
      setVisible(updated.usersVisibleAcrossOrganisations);
      await reloadSession();
    });
    if (saved) notifySuccess(t('settings.account.saved'));
  };

  return (
    <SettingsCard title={t('settings.account.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('settings.account.intro', { name: account.name })}</Text>
        <ErrorAlert error={error} />
        <Switch
          label={t('settings.account.usersVisible')}
          description={t('settings.account.usersVisibleHint')}
          checked={isVisible}
          disabled={isPending}
          onChange={(event) => void change(event.currentTarget.checked)}
        />
      </Stack>
    </SettingsCard>
  );
}
