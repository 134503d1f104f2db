// P4: "send the link again" for a sign-up whose address is not confirmed yet. The server answers the same
// for any address, so the message after sending says "if", never whether an account exists.
import { Button, Stack, Text } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiAction } from '../../components/useApiAction';
import { portalApi } from '../portalClient';

export function ResendVerification({ email }: { email: string }) {
  const { t } = useTranslation();
  const { run, isPending, error } = useApiAction();
  const [isSent, setSent] = useState(false);

  const resend = async () => {
    const isDone = await run(() =>
      unwrap(portalApi.POST('/api/v1/public/email-verifications/resend', { body: { email: email.trim() } })),
    );
    setSent(isDone);
  };

  return (
    <Stack gap="xs">
      <Button
        variant="light"
        leftSection={<IconMailForward size={18} aria-hidden="true" />}
        loading={isPending}
        onClick={resend}
      >
        {t('portal.account.resend')}
      </Button>
      <ErrorAlert error={error} />
      <Text size="sm" role="status">
        {isSent ? t('portal.account.resent', { email: email.trim() }) : ''}
      </Text>
    </Stack>
  );
}
