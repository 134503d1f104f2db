// Shows a refused or failed request: the server's localised message, announced to screen readers.
import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

export function ErrorAlert({ error }: { error: ApiError | null | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      title={t('common.errorTitle')}
      icon={<IconAlertCircle aria-hidden="true" />}
    >
      {error.message}
    </Alert>
  );
}
