// F2–F4: the batch-action window. Step 1 picks Present, Absent, Not eligible or Cancel; Not eligible on
// upcoming appointments asks to keep or cancel them (F3); a cancellation asks how to notify and whether to
// lock the freed slot (F4); the last step reports what happened to each row (F5: the list reloads at once).
import { Button, em, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, api, asApiError, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BatchReport } from './BatchReport';
import { ActionStep, CancellationStep, ChoiceStep } from './BatchSteps';
import {
  type BatchAction,
  type BatchReply,
  type BatchStep,
  buildBatchBodies,
  mergeReplies,
  type NotEligibleMode,
  type NotifyChannel,
  nextStep,
  offeredChannels,
} from './batchFlow';
import type { FollowupRow } from './followupQuery';

type Props = {
  organisationId: string;
  timeZone: string;
  /** The selected rows when the window opened (the list may reload behind it). */
  rows: readonly FollowupRow[];
  onClose: () => void;
  /** Something was applied: the list reloads and the selection is cleared. */
  onApplied: () => void;
};

export function BatchActionModal({ organisationId, timeZone, rows, onClose, onApplied }: Props) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery(`(max-width: ${em(767.98)})`);
  const [step, setStep] = useState<BatchStep>('action');
  const [action, setAction] = useState<BatchAction | null>(null);
  const [mode, setMode] = useState<NotEligibleMode | null>(null);
  const [notify, setNotify] = useState<NotifyChannel | null>(null);
  const [lockSlot, setLockSlot] = useState(false);
  const [missing, setMissing] = useState<string>();
  const [report, setReport] = useState<BatchReply>();
  const [error, setError] = useState<ApiError | null>(null);
  const [isPending, setPending] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isFirstStep = useRef(true);

  // A new step replaces the controls that had focus: move focus to its heading so it is read out.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each step change only.
  useEffect(() => {
    if (isFirstStep.current) {
      isFirstStep.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const offered = offeredChannels(rows);
  const upcomingCount = rows.filter((row) => row.isUpcoming).length;

  const apply = async (choices: { notEligibleMode?: NotEligibleMode; notify?: NotifyChannel }) => {
    if (!action) return;
    setPending(true);
    setError(null);
    const replies: BatchReply[] = [];
    try {
      for (const body of buildBatchBodies(rows, { action, ...choices, lockSlot })) {
        replies.push(
          await unwrap(
            api.POST('/api/v1/orgs/{orgId}/followup/batch', {
              params: { path: { orgId: organisationId } },
              body,
            }),
          ),
        );
      }
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setPending(false);
    }
    if (replies.length) {
      setReport(
        mergeReplies(
          replies,
          rows.map((row) => row.participantId),
        ),
      );
      setStep('report');
      onApplied();
    }
  };

  const goOn = () => {
    setMissing(undefined);
    if (step === 'action') {
      if (!action) return setMissing(t('followup.batch.missingAction'));
      const next = nextStep({ action }, rows);
      if (next === 'apply') return void apply({});
      return setStep(next);
    }
    if (step === 'choice') {
      if (!mode) return setMissing(t('followup.batch.choice.missing'));
      const next = nextStep({ action: 'not_eligible', notEligibleMode: mode }, rows);
      if (next === 'apply') return void apply({ notEligibleMode: mode });
      return setStep('cancellation');
    }
    if (step === 'cancellation') {
      if (!notify || !offered[notify]) return setMissing(t('followup.batch.cancellation.missing'));
      return void apply({ notify, ...(mode ? { notEligibleMode: mode } : {}) });
    }
  };

  const goBack = () => {
    setMissing(undefined);
    setError(null);
    if (step === 'cancellation' && action === 'not_eligible') setStep('choice');
    else setStep('action');
  };

  const primaryLabel = (() => {
    if (step === 'cancellation') return t('followup.batch.confirmCancellation');
    if (step === 'choice')
      return mode === 'cancel' ? t('followup.batch.continue') : t('followup.batch.apply');
    return action && nextStep({ action }, rows) !== 'apply'
      ? t('followup.batch.continue')
      : t('followup.batch.apply');
  })();

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      fullScreen={isPhone}
      title={
        <Title order={2} size="h3">
          {t('followup.batch.title')}
        </Title>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">
          {t('followup.batch.selection', { count: rows.length })}{' '}
          {t('followup.batch.selectionUpcoming', { count: upcomingCount })}
        </Text>
        <Title order={3} size="h4" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
          {t(`followup.batch.steps.${step}`)}
        </Title>
        {step === 'action' && (
          <ActionStep
            value={action}
            onChange={(next) => {
              setAction(next);
              setMode(null);
              setMissing(undefined);
            }}
            error={missing}
          />
        )}
        {step === 'choice' && (
          <ChoiceStep
            value={mode}
            onChange={(next) => {
              setMode(next);
              setMissing(undefined);
            }}
            pastCount={rows.filter((row) => !row.isUpcoming && row.status !== 'cancelled').length}
            error={missing}
          />
        )}
        {step === 'cancellation' && (
          <CancellationStep
            notify={notify}
            onNotifyChange={(next) => {
              setNotify(next);
              setMissing(undefined);
            }}
            offered={offered}
            lockSlot={lockSlot}
            onLockSlotChange={setLockSlot}
            error={missing}
          />
        )}
        <ErrorAlert error={error} />
        {step === 'report' && report && <BatchReport report={report} rows={rows} timeZone={timeZone} />}
        <Group justify="flex-end" gap="sm">
          {step === 'report' ? (
            <Button onClick={onClose}>{t('common.close')}</Button>
          ) : (
            <>
              <Button variant="default" onClick={step === 'action' ? onClose : goBack} disabled={isPending}>
                {step === 'action' ? t('common.close') : t('followup.batch.back')}
              </Button>
              <Button
                onClick={goOn}
                loading={isPending}
                color={step === 'cancellation' ? 'red.9' : undefined}
              >
                {primaryLabel}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
