// A1: change my password (POST /auth/password); the server signs out my other sessions.
import { Button, Group, Modal, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { notifySuccess } from '../components/notify';
import { PasswordField } from '../components/PasswordField';
import { useApiAction } from '../components/useApiAction';

type Props = { opened: boolean; onClose: () => void };

export function ChangePasswordModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const { run, isPending, error, fieldError, reset } = useApiAction();

  const close = () => {
    setCurrentPassword('');
    setNewPassword('');
    reset();
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changed = await run(() =>
      unwrap(api.POST('/api/v1/auth/password', { body: { currentPassword, newPassword } })),
    );
    if (changed) {
      notifySuccess(t('auth.changePassword.done'));
      close();
    }
  };

  const currentLabel = t('auth.changePassword.current');
  const newLabel = t('auth.changePassword.new');
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('auth.changePassword.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          <PasswordField
            label={currentLabel}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={fieldError('currentPassword', currentLabel)}
          />
          <PasswordField
            label={newLabel}
            description={t('auth.changePassword.hint')}
            autoComplete="new-password"
            required
            minLength={10}
            value={newPassword}
            onChange={(event) => setNewPassword(event.currentTarget.value)}
            error={fieldError('newPassword', newLabel)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isPending}>
              {t('auth.changePassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
