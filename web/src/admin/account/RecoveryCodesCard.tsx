// A1: the ten recovery codes, shown once right after the second factor is turned on, with copy and download
// (a text file), then "I have saved them".
import { Button, Card, CopyButton, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { codes: string[]; email: string; onDone: () => void };

export function RecoveryCodesCard({ codes, email, onDone }: Props) {
  const { t } = useTranslation();
  const title = useRef<HTMLHeadingElement>(null);
  // Screen readers and keyboards land on what just appeared.
  useEffect(() => title.current?.focus(), []);
  const text = [t('security.codesFileHeader', { email }), '', ...codes, ''].join('\n');

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'creneau-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Card withBorder padding="lg" role="region" aria-labelledby="recovery-codes-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="recovery-codes-title" ref={title} tabIndex={-1}>
          {t('security.codesTitle')}
        </Title>
        <Text size="sm">{t('security.codesIntro')}</Text>
        <List aria-label={t('security.codesLabel')} ff="monospace" fz="lg" listStyleType="none" spacing={4}>
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
        <Group>
          <CopyButton value={codes.join('\n')}>
            {({ copied, copy }) => (
              <Button
                variant="light"
                onClick={copy}
                leftSection={
                  copied ? (
                    <IconCheck size={16} aria-hidden="true" />
                  ) : (
                    <IconCopy size={16} aria-hidden="true" />
                  )
                }
              >
                {copied ? t('security.copied') : t('security.copy')}
              </Button>
            )}
          </CopyButton>
          <Button
            variant="light"
            onClick={download}
            leftSection={<IconDownload size={16} aria-hidden="true" />}
          >
            {t('security.download')}
          </Button>
          <Button onClick={onDone}>{t('security.codesSaved')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}
