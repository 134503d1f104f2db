// General information of a record (U3): read, or edit in place. The edit sends only the changed fields
// (PATCH); the reply's "email already in use" warning (U6) is handed to the page.
import { Anchor, Button, DataList, Group, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useApiAction } from '../../components/useApiAction';
import { useUserFormat } from './format';
import { RecordCard } from './RecordCard';
import type { SaveUserReply, UserDetail } from './types';
import { UserFormFields } from './UserFormFields';
import { toUpdateBody, type UserForm, userFormFromRecord } from './userForm';

type Props = {
  organisationId: string;
  user: UserDetail;
  onSaved: (reply: SaveUserReply) => void;
};

const SHOWN_FIELDS = [
  'firstName',
  'lastName',
  'birthDate',
  'email',
  'mobilePhone',
  'otherPhone',
  'address',
  'language',
  'notes',
] as const;

export function GeneralSection({ organisationId, user, onSaved }: Props) {
  const { t } = useTranslation();
  const [isEditing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const shouldRestoreFocus = useRef(false);
  // Leaving the edit mode puts the keyboard focus back on the button that opened it.
  useEffect(() => {
    if (isEditing || !shouldRestoreFocus.current) return;
    shouldRestoreFocus.current = false;
    editButton.current?.focus();
  }, [isEditing]);
  return (
    <RecordCard
      title={t('users.record.general')}
      actions={
        !isEditing && (
          <Button
            ref={editButton}
            variant="light"
            size="sm"
            leftSection={<IconPencil size={16} aria-hidden="true" />}
            onClick={() => setEditing(true)}
          >
            {t('users.record.edit')}
          </Button>
        )
      }
    >
      {isEditing ? (
        <EditForm
          organisationId={organisationId}
          user={user}
          onDone={(reply) => {
            shouldRestoreFocus.current = true;
            setEditing(false);
            if (reply) onSaved(reply);
          }}
        />
      ) : (
        <GeneralView user={user} />
      )}
    </RecordCard>
  );
}

function GeneralView({ user }: { user: UserDetail }) {
  const format = useUserFormat();
  const value = (field: (typeof SHOWN_FIELDS)[number]) => {
    const raw = user[field];
    if (!raw)
      return (
        <Text c="dimmed" size="sm" fs="italic">
          {format.fieldValue(field, raw)}
        </Text>
      );
    if (field === 'email')
      return (
        <Anchor href={`mailto:${raw}`} size="sm">
          {raw}
        </Anchor>
      );
    if (field === 'mobilePhone' || field === 'otherPhone')
      return (
        <Anchor href={`tel:${raw}`} size="sm">
          {format.phone(raw)}
        </Anchor>
      );
    return (
      <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
        {format.fieldValue(field, raw)}
      </Text>
    );
  };
  return (
    <DataList withDivider labelWidth={180}>
      {SHOWN_FIELDS.map((field) => (
        <DataList.Item key={field}>
          <DataList.ItemLabel>{format.fieldLabel(field)}</DataList.ItemLabel>
          <DataList.ItemValue>{value(field)}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

function EditForm({
  organisationId,
  user,
  onDone,
}: {
  organisationId: string;
  user: UserDetail;
  onDone: (reply?: SaveUserReply) => void;
}) {
  const { t } = useTranslation();
  const format = useUserFormat();
  const [initial] = useState(() => userFormFromRecord(user, format.timeZone));
  const [form, setForm] = useState(initial);
  const { run, isPending, error, fieldError } = useApiAction();
  const formElement = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formElement.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = toUpdateBody(initial, form);
    if (!body) {
      onDone();
      return;
    }
    let reply: SaveUserReply | undefined;
    const isDone = await run(async () => {
      reply = await unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/users/{userId}', {
          params: { path: { orgId: organisationId, userId: user.id } },
          body,
        }),
      );
    });
    if (isDone && reply) {
      notifySuccess(t('common.saved'));
      onDone(reply);
    }
  };

  return (
    <form ref={formElement} onSubmit={submit} noValidate aria-label={t('users.record.editForm')}>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <UserFormFields
          form={form}
          onChange={(patch: Partial<UserForm>) => setForm((previous) => ({ ...previous, ...patch }))}
          fieldError={fieldError}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone()}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
