// /admin/users/new (U1): the new record's form. While the names are typed it shows possible duplicates and an
// email already in use (U6, U8) — warnings only; after creation it opens the record page.
import { Anchor, Button, Card, Group, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconUserPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useApiAction } from '../../components/useApiAction';
import { useLoader } from '../../components/useLoader';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLanguage } from '../../i18n';
import { isLanguage } from '../../i18n/language';
import { useOrganisation } from '../session';
import { DuplicateList, EmailInUseWarning } from './DuplicateWarnings';
import type { RecordNotice } from './recordNotice';
import { fullName } from './types';
import { UserFormFields } from './UserFormFields';
import { useDuplicateCheck } from './useDuplicateCheck';
import { emptyUserForm, toCreateBody, type UserForm } from './userForm';

export function CreateUserPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { organisationId } = useOrganisation();
  usePageTitle(t('users.create.title'));
  const [form, setForm] = useState(() => emptyUserForm(currentLanguage()));
  const [isLanguageChosen, setLanguageChosen] = useState(false);
  const { run, isPending, error, fieldError } = useApiAction();
  const { duplicates, emailInUse } = useDuplicateCheck(organisationId, form);

  // A new record speaks the organisation's language until staff choose another one.
  const organisation = useLoader(
    () => unwrap(api.GET('/api/v1/orgs/{orgId}', { params: { path: { orgId: organisationId } } })),
    [organisationId],
  );
  const defaultLanguage = organisation.data?.defaultLanguage;
  const shownForm: UserForm =
    !isLanguageChosen && isLanguage(defaultLanguage) ? { ...form, language: defaultLanguage } : form;

  const change = (patch: Partial<UserForm>) => {
    if (patch.language) setLanguageChosen(true);
    setForm((previous) => ({ ...previous, ...patch }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = toCreateBody(shownForm);
    let reply: Awaited<ReturnType<typeof createUser>> | undefined;
    const isDone = await run(async () => {
      reply = await createUser(organisationId, body);
    });
    if (!isDone || !reply) return;
    notifySuccess(t('users.create.done', { name: fullName(reply.user) }));
    const state: RecordNotice = { notice: 'created', emailInUse: reply.emailInUse };
    navigate(`/admin/users/${reply.user.id}`, { state });
  };

  return (
    <Stack gap="md" maw={960}>
      <Anchor component={Link} to="/admin/users" size="sm" w="fit-content">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden="true" />
          {t('users.backToList')}
        </Group>
      </Anchor>
      <Title order={1}>{t('users.create.title')}</Title>
      <Card withBorder padding="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ErrorAlert error={error} />
            <UserFormFields
              form={shownForm}
              onChange={change}
              fieldError={fieldError}
              withPreferences
              afterIdentity={
                // Announced politely as it changes while the names are typed.
                <Stack gap="sm" aria-live="polite">
                  <DuplicateList duplicates={duplicates} />
                  <EmailInUseWarning users={emailInUse} />
                </Stack>
              }
            />
            <Group justify="flex-end">
              <Button component={Link} to="/admin/users" variant="default">
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={isPending}
                leftSection={<IconUserPlus size={16} aria-hidden="true" />}
              >
                {t('users.create.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}

function createUser(organisationId: string, body: ReturnType<typeof toCreateBody>) {
  return unwrap(
    api.POST('/api/v1/orgs/{orgId}/users', { params: { path: { orgId: organisationId } }, body }),
  );
}
