// A1 set-up, after "Set up": the QR code of the otpauth:// URI (drawn here, the secret goes nowhere else),
// the key for typing by hand, and the code that proves the app has it. The server answers with the
// recovery codes, which the page shows next.
import { Button, Card, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { QRCodeSVG } from 'qrcode.react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiAction } from '../../components/useApiAction';

type Props = {
  setup: { secret: string; uri: string };
  onCancel: () => void;
  onEnabled: (recoveryCodes: string[]) => void;
};

/** "JBSW Y3DP EHPK 3PXP": groups of four are easier to type into an app. */
const groupedKey = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

export function TwoFactorSetupCard({ setup, onCancel, onEnabled }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const { run, isPending, error, fieldError } = useApiAction();

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    let codes: string[] = [];
    const isDone = await run(async () => {
      ({ recoveryCodes: codes } = await unwrap(
        api.POST('/api/v1/auth/two-factor/confirm', { body: { code: code.trim() } }),
      ));
    });
    if (isDone) onEnabled(codes);
  };

  const codeLabel = t('security.code');
  return (
    <Card withBorder padding="lg" component="form" onSubmit={confirm} noValidate>
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('security.scanTitle')}
        </Title>
        <Group align="flex-start" gap="lg">
          <div style={{ background: 'white', padding: 8, lineHeight: 0 }}>
            <QRCodeSVG value={setup.uri} size={176} role="img" aria-label={t('security.qrLabel')} />
          </div>
          <Stack gap={4} maw={360}>
            <Text size="sm">{t('security.manual')}</Text>
            <Code block aria-label={t('security.manualKey')} data-testid="totp-key">
              {groupedKey(setup.secret)}
            </Code>
          </Stack>
        </Group>
        <Title order={2} size="h3">
          {t('security.codeTitle')}
        </Title>
        <ErrorAlert error={error} />
        <TextInput
          label={codeLabel}
          description={t('security.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          maw={220}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={fieldError('code', codeLabel)}
        />
        <Group>
          <Button type="submit" loading={isPending}>
            {t('security.confirm')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('security.cancelSetup')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
