// P4: my profile — first and last name, mobile phone and email, saved with PUT /portal/profile. Changing the
// email asks for the current password and sends a link to the new address; the old one stays in use (for
// sign-in and notifications) until that link is followed, and the pending address is shown meanwhile.
// The language of messages is chosen in PreferencesSection.
import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PasswordField } from '../../components/PasswordField';
import { useApiAction } from '../../components/useApiAction';
import { type PortalProfile, type PortalSession, portalApi } from '../portalClient';
import { SpaceSection } from './SpaceSection';

/** International form: it reads back the same whatever the organisation's country. */
const showPhone = (phone: string | null) =>
  phone ? (parsePhoneNumberFromString(phone)?.formatInternational() ?? phone) : '';

type Fields = { firstName: string; lastName: string; mobilePhone: string; email: string };

const initialFields = (session: PortalSession): Fields => ({
  firstName: session.profile.firstName,
  lastName: session.profile.lastName,
  mobilePhone: showPhone(session.profile.mobilePhone),
  email: session.email,
});

type Props = { session: PortalSession; onSaved: (profile: PortalProfile) => void };

export function ProfileSection({ session, onSaved }: Props) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<Fields>(() => initialFields(session));
  const [currentPassword, setCurrentPassword] = useState('');
  const { run, isPending, error, fieldError } = useApiAction();
  const isEmailChanged = fields.email.trim().toLowerCase() !== session.email.toLowerCase();
  const pendingEmail = session.profile.pendingEmail;

  const set = (name: keyof Fields) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setFields((current) => ({ ...current, [name]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      firstName: fields.firstName,
      lastName: fields.lastName,
      mobilePhone: fields.mobilePhone.trim() || null,
      ...(isEmailChanged ? { email: fields.email.trim(), currentPassword } : {}),
    };
    let saved: PortalProfile | undefined;
    const isDone = await run(async () => {
      saved = await unwrap(portalApi.PUT('/api/v1/portal/profile', { body }));
    });
    if (!isDone || !saved) return;
    onSaved(saved);
    setCurrentPassword('');
    setFields((current) => ({
      ...current,
      email: session.email,
      mobilePhone: showPhone(saved?.mobilePhone ?? null),
    }));
    notifySuccess(
      isEmailChanged
        ? t('portal.profile.emailPending', { email: fields.email.trim() })
        : t('portal.profile.saved'),
    );
  };

  const label = {
    firstName: t('portal.booking.firstName'),
    lastName: t('portal.booking.lastName'),
    mobilePhone: t('portal.profile.mobilePhone'),
    email: t('portal.profile.accountEmail'),
    currentPassword: t('portal.profile.currentPassword'),
  };
  return (
    <SpaceSection title={t('portal.profile.title')}>
      {pendingEmail && (
        <Alert color="blue" variant="light" icon={<IconMailForward aria-hidden="true" />}>
          <Text size="sm" c="dark.9">
            {t('portal.profile.pendingNotice', { email: pendingEmail, current: session.email })}
          </Text>
        </Alert>
      )}
      <form onSubmit={submit} noValidate aria-label={t('portal.profile.form')}>
        <Stack gap="md">
          <ErrorAlert error={error} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={label.firstName}
              autoComplete="given-name"
              required
              value={fields.firstName}
              onChange={set('firstName')}
              error={fieldError('firstName', label.firstName)}
            />
            <TextInput
              label={label.lastName}
              autoComplete="family-name"
              required
              value={fields.lastName}
              onChange={set('lastName')}
              error={fieldError('lastName', label.lastName)}
            />
          </SimpleGrid>
          <TextInput
            label={label.mobilePhone}
            type="tel"
            autoComplete="tel"
            value={fields.mobilePhone}
            onChange={set('mobilePhone')}
            error={fieldError('mobilePhone', label.mobilePhone)}
          />
          <TextInput
            label={label.email}
            description={t('portal.profile.emailHint')}
            type="email"
            autoComplete="email"
            required
            value={fields.email}
            onChange={set('email')}
            error={fieldError('email', label.email)}
          />
          {isEmailChanged && (
            <PasswordField
              label={label.currentPassword}
              description={t('portal.profile.currentPasswordHint')}
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(event) => setCurrentPassword(event.currentTarget.value)}
              error={fieldError('currentPassword', label.currentPassword)}
            />
          )}
          <Group>
            <Button type="submit" loading={isPending}>
              {t('portal.profile.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SpaceSection>
  );
}
