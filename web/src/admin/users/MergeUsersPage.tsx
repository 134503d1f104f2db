// /admin/users/merge (U7, seed 002): choose the record to keep and the duplicate (type-ahead pickers, or
// ?keepId&dropId), compare them field by field, choose the values, confirm, merge. A record changed since
// the comparison (409 record_changed) reloads the comparison and says why.
import { Anchor, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowsExchange, IconArrowsJoin, IconRefreshAlert } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { useApiAction } from '../../components/useApiAction';
import { useLoader } from '../../components/useLoader';
import { usePageTitle } from '../../components/usePageTitle';
import { useOrganisation } from '../session';
import { MergeComparison, type MergeSelection } from './MergeComparison';
import { MergeConfirmModal } from './MergeConfirmModal';
import { Notice } from './Notice';
import type { RecordNotice } from './recordNotice';
import { EDITABLE_FIELDS, fullName, type MergeChoices, type MergePreview } from './types';
import { type PickedUser, UserPicker } from './UserPicker';

type Side = 'keep' | 'drop';

function loadPreview(organisationId: string, keepId: string, dropId: string) {
  return unwrap(
    api.GET('/api/v1/orgs/{orgId}/users/merge-preview', {
      params: { path: { orgId: organisationId }, query: { keepId, dropId } },
    }),
  );
}

/** The body's choices: only the fields whose dropped value was chosen. */
function toChoices(preview: MergePreview, selection: MergeSelection): MergeChoices {
  const choices: MergeChoices = {};
  for (const field of EDITABLE_FIELDS) {
    const row = preview.fields.find((candidate) => candidate.field === field);
    if (row && !row.equal && selection[field] === preview.drop.id) choices[field] = 'drop';
  }
  return choices;
}

export function MergeUsersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { organisationId } = useOrganisation();
  usePageTitle(t('users.merge.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const ids: Record<Side, string> = {
    keep: searchParams.get('keepId') ?? '',
    drop: searchParams.get('dropId') ?? '',
  };
  const [picked, setPicked] = useState<Partial<Record<Side, PickedUser>>>({});
  const [selection, setSelection] = useState<MergeSelection>({});
  const [isConfirming, setConfirming] = useState(false);
  const [hasChanged, setChanged] = useState(false);
  const merge = useApiAction();

  const isReady = Boolean(ids.keep && ids.drop && ids.keep !== ids.drop);
  const loader = useLoader(
    async () => (isReady ? loadPreview(organisationId, ids.keep, ids.drop) : undefined),
    [organisationId, ids.keep, ids.drop],
  );
  const preview =
    isReady && loader.data?.keep.id === ids.keep && loader.data.drop.id === ids.drop
      ? loader.data
      : undefined;
  const shown = (side: Side): PickedUser | undefined =>
    picked[side]?.id === ids[side]
      ? picked[side]
      : preview?.[side].id === ids[side]
        ? preview[side]
        : undefined;

  const choose = (side: Side, user: PickedUser | undefined) => {
    setPicked((previous) => ({ ...previous, [side]: user }));
    setChanged(false);
    const next = { ...ids, [side]: user?.id ?? '' };
    setSearchParams(
      Object.fromEntries(
        Object.entries({ keepId: next.keep, dropId: next.drop }).filter(([, value]) => value !== ''),
      ),
      { replace: true },
    );
  };

  const swap = () => {
    setPicked({ keep: shown('drop'), drop: shown('keep') });
    setSearchParams({ keepId: ids.drop, dropId: ids.keep }, { replace: true });
  };

  const confirm = async () => {
    if (!preview) return;
    let kept: { id: string; firstName: string; lastName: string } | undefined;
    let hasChangedMeanwhile = false;
    const isDone = await merge.run(async () => {
      try {
        kept = await unwrap(
          api.POST('/api/v1/orgs/{orgId}/users/merge', {
            params: { path: { orgId: organisationId } },
            body: {
              keepId: preview.keep.id,
              dropId: preview.drop.id,
              choices: toChoices(preview, selection),
              versions: { keep: preview.keep.version, drop: preview.drop.version },
            },
          }),
        );
      } catch (caught) {
        // An edit happened between the comparison and the merge: nothing was merged; compare again.
        if (!(caught instanceof ApiError && caught.code === 'record_changed')) throw caught;
        hasChangedMeanwhile = true;
      }
    });
    if (!isDone) return;
    setConfirming(false);
    if (hasChangedMeanwhile) {
      setChanged(true);
      loader.reload();
      return;
    }
    if (kept) {
      notifySuccess(t('users.merge.done', { name: fullName(kept), dropped: fullName(preview.drop) }));
      const state: RecordNotice = { notice: 'merged' };
      navigate(`/admin/users/${kept.id}`, { state });
    }
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/users" size="sm" w="fit-content">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden="true" />
          {t('users.backToList')}
        </Group>
      </Anchor>
      <Title order={1}>{t('users.merge.title')}</Title>
      <Text>{t('users.merge.intro')}</Text>
      <Card withBorder padding="lg" radius="md">
        <Grid align="flex-end">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <UserPicker
              label={t('users.merge.keepPicker')}
              description={t('users.merge.keepHint')}
              organisationId={organisationId}
              selected={shown('keep')}
              excludeId={ids.drop}
              onSelect={(user) => choose('keep', user)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 2 }}>
            <Button
              variant="default"
              fullWidth
              onClick={swap}
              disabled={!ids.keep || !ids.drop}
              leftSection={<IconArrowsExchange size={16} aria-hidden="true" />}
            >
              {t('users.merge.swap')}
            </Button>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <UserPicker
              label={t('users.merge.dropPicker')}
              description={t('users.merge.dropHint')}
              organisationId={organisationId}
              selected={shown('drop')}
              excludeId={ids.keep}
              onSelect={(user) => choose('drop', user)}
            />
          </Grid.Col>
        </Grid>
      </Card>
      {hasChanged && (
        <Notice
          role="alert"
          color="orange"
          icon={<IconRefreshAlert aria-hidden="true" />}
          title={t('users.merge.changedTitle')}
        >
          {t('users.merge.changed')}
        </Notice>
      )}
      <ErrorAlert error={loader.error} />
      {isReady && !preview && !loader.error && <PageLoader />}
      {!isReady && <Text c="dimmed">{t('users.merge.pickBoth')}</Text>}
      {preview && (
        <>
          <Text size="sm">
            {t('users.merge.summary', {
              different: preview.fields.filter((row) => !row.equal).length,
              same: preview.fields.filter((row) => row.equal).length,
            })}
          </Text>
          <MergeComparison
            preview={preview}
            selection={selection}
            onChoose={(field, userId) => setSelection((previous) => ({ ...previous, [field]: userId }))}
          />
          <Group justify="flex-end">
            <Button
              color="red"
              leftSection={<IconArrowsJoin size={16} aria-hidden="true" />}
              onClick={() => {
                merge.reset();
                setConfirming(true);
              }}
            >
              {t('users.merge.submit')}
            </Button>
          </Group>
          <MergeConfirmModal
            opened={isConfirming}
            preview={preview}
            selection={selection}
            isPending={merge.isPending}
            error={merge.error}
            onCancel={() => setConfirming(false)}
            onConfirm={() => void confirm()}
          />
        </>
      )}
    </Stack>
  );
}
