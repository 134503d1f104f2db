// /admin/account/security — Account › Two-step verification (A1): its status, the two-step set-up (QR code
// and key, then a code from the app), the recovery codes shown once, and turning it off.
import { Anchor, Badge, Box, Breadcrumbs, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck, IconShieldOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type ResponseBody, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { useApiAction } from '../../components/useApiAction';
import { useLoader } from '../../components/useLoader';
import { usePageTitle } from '../../components/usePageTitle';
import { useAdminSession } from '../session';
import { DisableTwoFactorModal } from './DisableTwoFactorModal';
import { RecoveryCodesCard } from './RecoveryCodesCard';
import { TwoFactorSetupCard } from './TwoFactorSetupCard';

type Status = ResponseBody<'/api/v1/auth/two-factor', 'get'>;
type Setup = ResponseBody<'/api/v1/auth/two-factor/setup', 'post'>;

/** Recovery codes at or under this count get a warning. */
const FEW_RECOVERY_CODES = 3;

export function SecurityPage() {
  const { t, i18n } = useTranslation();
  const { session } = useAdminSession();
  usePageTitle(t('security.title'));
  const status = useLoader(() => unwrap(api.GET('/api/v1/auth/two-factor')), []);
  const [setup, setSetup] = useState<Setup>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();
  const [isDisableOpen, setDisableOpen] = useState(false);
  const start = useApiAction();

  const begin = () =>
    start.run(async () => setSetup(await unwrap(api.POST('/api/v1/auth/two-factor/setup'))));
  const reload = () => status.reload();

  return (
    <Stack gap="md" maw={720}>
      <Box component="nav" aria-label={t('security.breadcrumbLabel')}>
        <Breadcrumbs>
          <Text size="sm">{t('security.breadcrumb')}</Text>
          <Anchor component={Link} to="/admin/account/security" size="sm" aria-current="page">
            {t('security.title')}
          </Anchor>
        </Breadcrumbs>
      </Box>
      <Title order={1}>{t('security.title')}</Title>
      <Text size="sm">{t('security.intro')}</Text>
      <ErrorAlert error={status.error} />
      {status.isLoading && !status.data && <PageLoader />}
      {recoveryCodes && (
        <RecoveryCodesCard
          codes={recoveryCodes}
          email={session.staff.email}
          onDone={() => setRecoveryCodes(undefined)}
        />
      )}
      {status.data && !recoveryCodes && !setup && (
        <StatusCard
          status={status.data}
          language={i18n.language}
          onStart={begin}
          isStarting={start.isPending}
          onDisable={() => setDisableOpen(true)}
        />
      )}
      <ErrorAlert error={start.error} />
      {setup && (
        <TwoFactorSetupCard
          setup={setup}
          onCancel={() => setSetup(undefined)}
          onEnabled={(codes) => {
            setSetup(undefined);
            setRecoveryCodes(codes);
            notifySuccess(t('security.enabled'));
            reload();
          }}
        />
      )}
      <DisableTwoFactorModal
        opened={isDisableOpen}
        onClose={() => setDisableOpen(false)}
        onDisabled={() => {
          setDisableOpen(false);
          notifySuccess(t('security.disabled'));
          reload();
        }}
      />
    </Stack>
  );
}

type StatusProps = {
  status: Status;
  language: string;
  onStart: () => void;
  isStarting: boolean;
  onDisable: () => void;
};

function StatusCard({ status, language, onStart, isStarting, onDisable }: StatusProps) {
  const { t } = useTranslation();
  const since = status.enabledAt
    ? new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(status.enabledAt))
    : '';
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Group gap="sm">
          {status.isEnabled ? (
            <Badge
              variant="light"
              color="green"
              c="dark.8"
              size="lg"
              leftSection={<IconShieldCheck size={14} aria-hidden="true" />}
            >
              {t('security.statusOn', { date: since })}
            </Badge>
          ) : (
            <Badge
              variant="light"
              color="gray"
              c="gray.9"
              size="lg"
              leftSection={<IconShieldOff size={14} aria-hidden="true" />}
            >
              {t('security.statusOff')}
            </Badge>
          )}
        </Group>
        {status.isEnabled && (
          <Text size="sm">{t('security.recoveryLeft', { count: status.recoveryCodesLeft })}</Text>
        )}
        {status.isEnabled && status.recoveryCodesLeft <= FEW_RECOVERY_CODES && (
          <Text size="sm" c="orange.9">
            {t('security.recoveryLow')}
          </Text>
        )}
        <Group>
          {status.isEnabled ? (
            <Button variant="light" color="red" onClick={onDisable}>
              {t('security.disable')}
            </Button>
          ) : (
            <Button onClick={onStart} loading={isStarting}>
              {t('security.start')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
