// The questions of the batch-action window (seed articles 000/001, steps 2–4): the action, the not-eligible
// choice for upcoming appointments, and the cancellation settings (notice channel, lock the freed slot).
import { Radio, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  BATCH_ACTIONS,
  type BatchAction,
  NOTIFY_CHANNELS,
  type NotEligibleMode,
  type NotifyChannel,
} from './batchFlow';
import switchClasses from './switch.module.css';

type ActionStepProps = {
  value: BatchAction | null;
  onChange: (action: BatchAction) => void;
  error: string | undefined;
};

export function ActionStep({ value, onChange, error }: ActionStepProps) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('followup.batch.actionLabel')}
      value={value ?? ''}
      onChange={(next) => onChange(next as BatchAction)}
      error={error}
    >
      <Stack gap="sm" mt="xs">
        {BATCH_ACTIONS.map((action) => (
          <Radio
            key={action}
            value={action}
            label={t(`followup.batch.actions.${action}`)}
            description={t(`followup.batch.actionHints.${action}`)}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

type ChoiceStepProps = {
  value: NotEligibleMode | null;
  onChange: (mode: NotEligibleMode) => void;
  pastCount: number;
  error: string | undefined;
};

/** F3: keep the appointment, or cancel it too (then the cancellation settings follow). */
export function ChoiceStep({ value, onChange, pastCount, error }: ChoiceStepProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('followup.batch.choice.label')}
        value={value ?? ''}
        onChange={(next) => onChange(next as NotEligibleMode)}
        error={error}
      >
        <Stack gap="sm" mt="xs">
          <Radio
            value="keep"
            label={t('followup.batch.choice.keep')}
            description={t('followup.batch.choice.keepHint')}
          />
          <Radio
            value="cancel"
            label={t('followup.batch.choice.cancel')}
            description={t('followup.batch.choice.cancelHint')}
          />
        </Stack>
      </Radio.Group>
      {pastCount > 0 && (
        <Text size="sm" c="dimmed">
          {t('followup.batch.choice.pastRows', { count: pastCount })}
        </Text>
      )}
    </Stack>
  );
}

type CancellationStepProps = {
  notify: NotifyChannel | null;
  onNotifyChange: (channel: NotifyChannel) => void;
  offered: Record<NotifyChannel, boolean>;
  lockSlot: boolean;
  onLockSlotChange: (lockSlot: boolean) => void;
  error: string | undefined;
};

/** F4: how the user hears of the cancellation (only channels every upcoming row can receive) and the lock. */
export function CancellationStep(props: CancellationStepProps) {
  const { notify, onNotifyChange, offered, lockSlot, onLockSlotChange, error } = props;
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Radio.Group
        label={t('followup.batch.cancellation.notifyLabel')}
        description={t('followup.batch.cancellation.notifyHint')}
        value={notify ?? ''}
        onChange={(next) => onNotifyChange(next as NotifyChannel)}
        error={error}
      >
        <Stack gap="sm" mt="xs">
          {NOTIFY_CHANNELS.map((channel) => (
            <Radio
              key={channel}
              value={channel}
              disabled={!offered[channel]}
              label={t(`followup.batch.cancellation.channels.${channel}`)}
              description={
                offered[channel] ? undefined : t(`followup.batch.cancellation.unavailable.${channel}`)
              }
            />
          ))}
        </Stack>
      </Radio.Group>
      <Switch
        classNames={{ track: switchClasses.track }}
        checked={lockSlot}
        onChange={(event) => onLockSlotChange(event.currentTarget.checked)}
        label={t('followup.batch.cancellation.lockSlot')}
        description={t('followup.batch.cancellation.lockSlotHint')}
      />
    </Stack>
  );
}
