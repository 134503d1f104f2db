// Staff of the organisation (admins and agents see it); admins add members with a role
// (POST /orgs/{orgId}/staff), may email a member a password-reset link and turn off the two-step
// verification of a member who lost their phone and recovery codes (A1).
import {
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconKey, IconShieldCheck, IconShieldOff, IconUserPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ResponseBody, type Role, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { PasswordField } from '../../components/PasswordField';
import { useApiAction } from '../../components/useApiAction';
import { useLoader } from '../../components/useLoader';
import { SettingsCard } from './SettingsCard';

type StaffMember = ResponseBody<'/api/v1/orgs/{orgId}/staff', 'get'>[number];
type Props = { organisationId: string; canEdit: boolean };

const ROLES: readonly Role[] = ['admin', 'agent', 'provider'];

export function StaffSection({ organisationId, canEdit }: Props) {
  const { t } = useTranslation();
  const loader = useLoader(
    () => unwrap(api.GET('/api/v1/orgs/{orgId}/staff', { params: { path: { orgId: organisationId } } })),
    [organisationId],
  );
  const members = loader.data ?? [];

  return (
    <SettingsCard title={t('settings.staff.title')}>
      <ErrorAlert error={loader.error} />
      {loader.isLoading && !loader.data && <PageLoader />}
      {loader.data && members.length === 0 && <Text c="dimmed">{t('settings.staff.empty')}</Text>}
      {members.length > 0 && (
        <Table striped aria-label={t('settings.staff.caption')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('settings.staff.name')}</Table.Th>
              <Table.Th scope="col">{t('settings.staff.email')}</Table.Th>
              <Table.Th scope="col">{t('settings.staff.role')}</Table.Th>
              {canEdit && <Table.Th scope="col">{t('settings.staff.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => (
              <Table.Tr key={member.id}>
                <Table.Td>
                  {member.firstName} {member.lastName}
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{member.email}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {t(`common.roles.${member.role}`)}
                    {member.hasTwoFactor && (
                      <Badge
                        size="sm"
                        color="green"
                        c="dark.8"
                        variant="light"
                        leftSection={<IconShieldCheck size={12} aria-hidden="true" />}
                      >
                        {t('settings.staff.twoFactor')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <SendResetLinkButton organisationId={organisationId} member={member} />
                    {member.hasTwoFactor && (
                      <ResetTwoFactorButton
                        organisationId={organisationId}
                        member={member}
                        onReset={() =>
                          loader.setData((list) =>
                            list?.map((row) =>
                              row.id === member.id ? { ...row, hasTwoFactor: false } : row,
                            ),
                          )
                        }
                      />
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && (
        <AddStaffForm
          organisationId={organisationId}
          onAdded={(member) => loader.setData((list) => [...(list ?? []), member])}
        />
      )}
    </SettingsCard>
  );
}

/** A1: emails the member a one-hour link to choose a new password (their current one keeps working). */
function SendResetLinkButton({ organisationId, member }: { organisationId: string; member: StaffMember }) {
  const { t } = useTranslation();
  const { run, isPending, error } = useApiAction();
  const name = `${member.firstName} ${member.lastName}`;

  const send = async () => {
    const isSent = await run(() =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/staff/{staffId}/password-reset', {
          params: { path: { orgId: organisationId, staffId: member.id } },
        }),
      ),
    );
    if (isSent) notifySuccess(t('settings.staff.resetSent', { email: member.email }));
  };

  return (
    <Stack gap={4}>
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconKey size={14} aria-hidden="true" />}
        aria-label={t('settings.staff.sendResetTo', { name })}
        loading={isPending}
        onClick={send}
      >
        {t('settings.staff.sendReset')}
      </Button>
      <ErrorAlert error={error} />
    </Stack>
  );
}

/** A1: turns off a member's two-step verification (they sign in again with their password alone). */
function ResetTwoFactorButton({
  organisationId,
  member,
  onReset,
}: {
  organisationId: string;
  member: StaffMember;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const { run, isPending, error } = useApiAction();
  const name = `${member.firstName} ${member.lastName}`;

  const reset = async () => {
    if (!window.confirm(t('settings.staff.resetTwoFactorConfirm', { name }))) return;
    const isDone = await run(() =>
      unwrap(
        api.DELETE('/api/v1/orgs/{orgId}/staff/{staffId}/two-factor', {
          params: { path: { orgId: organisationId, staffId: member.id } },
        }),
      ),
    );
    if (isDone) {
      notifySuccess(t('settings.staff.twoFactorReset', { name }));
      onReset();
    }
  };

  return (
    <Stack gap={4}>
      <Button
        variant="subtle"
        color="red"
        size="compact-sm"
        leftSection={<IconShieldOff size={14} aria-hidden="true" />}
        aria-label={t('settings.staff.resetTwoFactorFor', { name })}
        loading={isPending}
        onClick={reset}
      >
        {t('settings.staff.resetTwoFactor')}
      </Button>
      <ErrorAlert error={error} />
    </Stack>
  );
}

const EMPTY_FORM = { email: '', firstName: '', lastName: '', role: 'provider' as Role, password: '' };

function AddStaffForm({
  organisationId,
  onAdded,
}: {
  organisationId: string;
  onAdded: (member: StaffMember) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY_FORM);
  const { run, isPending, error, fieldError } = useApiAction();
  const set = (key: keyof typeof EMPTY_FORM) => (value: string) =>
    setForm((previous) => ({ ...previous, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      email: form.email.trim(),
      firstName: form.firstName.trim(),
      lastName: form.lastName.trim(),
      role: form.role,
      ...(form.password ? { password: form.password } : {}),
    };
    const added = await run(async () => {
      const member = await unwrap(
        api.POST('/api/v1/orgs/{orgId}/staff', { params: { path: { orgId: organisationId } }, body }),
      );
      onAdded(member);
    });
    if (added) {
      notifySuccess(t('settings.staff.added', { name: `${body.firstName} ${body.lastName}` }));
      setForm(EMPTY_FORM);
    }
  };

  const labels = {
    email: t('settings.staff.email'),
    firstName: t('settings.staff.firstName'),
    lastName: t('settings.staff.lastName'),
    role: t('settings.staff.role'),
    password: t('settings.staff.password'),
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('settings.staff.addTitle')}
        </Title>
        <ErrorAlert error={error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={labels.firstName}
            required
            autoComplete="off"
            value={form.firstName}
            onChange={(event) => set('firstName')(event.currentTarget.value)}
            error={fieldError('firstName', labels.firstName)}
          />
          <TextInput
            label={labels.lastName}
            required
            autoComplete="off"
            value={form.lastName}
            onChange={(event) => set('lastName')(event.currentTarget.value)}
            error={fieldError('lastName', labels.lastName)}
          />
          <TextInput
            label={labels.email}
            type="email"
            required
            autoComplete="off"
            value={form.email}
            onChange={(event) => set('email')(event.currentTarget.value)}
            error={fieldError('email', labels.email)}
          />
          <Select
            label={labels.role}
            required
            data={ROLES.map((role) => ({ value: role, label: t(`common.roles.${role}`) }))}
            value={form.role}
            onChange={(value) => value && set('role')(value)}
            allowDeselect={false}
            error={fieldError('role', labels.role)}
          />
          <PasswordField
            label={labels.password}
            description={t('settings.staff.passwordHint')}
            autoComplete="new-password"
            value={form.password}
            onChange={(event) => set('password')(event.currentTarget.value)}
            error={fieldError('password', labels.password)}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button
            type="submit"
            variant="light"
            leftSection={<IconUserPlus size={16} aria-hidden="true" />}
            loading={isPending}
          >
            {t('settings.staff.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
