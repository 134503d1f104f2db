// A1: turning the second factor off asks for the password and a code from the app (or a recovery code).
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/PasswordField';
import { useApiAction } from '../../components/useApiAction';

type Props = { opened: boolean; onClose: () => void; onDisabled: () => void };

export function DisableTwoFactorModal({ opened, onClose, onDisabled }: Props) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const { run, isPending, error, fieldError, reset } = useApiAction();

  const close = () => {
    setPassword('');
    setCode('');
    reset();
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isDone = await run(() =>
      unwrap(api.POST('/api/v1/auth/two-factor/disable', { body: { password, code: code.trim() } })),
    );
    if (isDone) {
      setPassword('');
      setCode('');
      onDisabled();
    }
  };

  const passwordLabel = t('security.password');
  const codeLabel = t('security.codeOrRecovery');
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('security.disableTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('security.disableIntro')}</Text>
          <ErrorAlert error={error} />
          <PasswordField
            label={passwordLabel}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldError('password', passwordLabel)}
          />
          <TextInput
            label={codeLabel}
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={fieldError('code', codeLabel)}
          />
          <Group justify="flex-end">
            <Button type="submit" color="red" loading={isPending}>
              {t('security.disableSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
