// The inputs of a user record (U1), grouped in labelled fieldsets; shared by the create page and the edit
// mode of the record page. Server messages appear under the field they name.
import { Fieldset, NativeSelect, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES } from '../../i18n/language';
import { FIELD_LABEL_KEYS } from './format';
import type { TextField, UserForm } from './userForm';

type Props = {
  form: UserForm;
  onChange: (patch: Partial<UserForm>) => void;
  fieldError: (path: string, label: string) => string | undefined;
  /** Shown between the identity and the contact fieldsets (the possible duplicates while typing). */
  afterIdentity?: ReactNode;
  withPreferences?: boolean;
};

function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function UserFormFields({ form, onChange, fieldError, afterIdentity, withPreferences }: Props) {
  const { t } = useTranslation();
  const label = (field: keyof UserForm) => t(FIELD_LABEL_KEYS[field]);
  const text = (field: TextField) => ({
    label: label(field),
    value: form[field],
    onChange: (event: { currentTarget: { value: string } }) =>
      onChange({ [field]: event.currentTarget.value }),
    error: fieldError(field, label(field)),
  });

  return (
    <Stack gap="md">
      <Fieldset legend={t('users.form.identity')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...text('firstName')} required autoComplete="off" />
          <TextInput {...text('lastName')} required autoComplete="off" />
          <TextInput {...text('birthDate')} type="date" max={today()} />
        </SimpleGrid>
      </Fieldset>
      {afterIdentity}
      <Fieldset legend={t('users.form.contact')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...text('email')} type="email" autoComplete="off" />
          <TextInput
            {...text('mobilePhone')}
            type="tel"
            autoComplete="off"
            description={t('users.form.mobileHint')}
          />
          <TextInput {...text('otherPhone')} type="tel" autoComplete="off" />
          <Textarea {...text('address')} autosize minRows={2} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('users.form.other')}>
        <Stack gap="sm">
          <NativeSelect
            label={label('language')}
            description={t('users.form.languageHint')}
            value={form.language}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isLanguage(value)) onChange({ language: value });
            }}
            data={LANGUAGES.map((language) => ({
              value: language,
              label: t(`common.languageNames.${language}`),
            }))}
            error={fieldError('language', label('language'))}
            maw={320}
          />
          <Textarea {...text('notes')} autosize minRows={3} />
        </Stack>
      </Fieldset>
      {withPreferences && (
        <Fieldset legend={t('users.preferences.title')}>
          <Stack gap="sm">
            <Switch
              label={label('notifyByEmail')}
              checked={form.notifyByEmail}
              onChange={(event) => onChange({ notifyByEmail: event.currentTarget.checked })}
              error={fieldError('notifyByEmail', label('notifyByEmail'))}
            />
            <Switch
              label={label('notifyBySms')}
              checked={form.notifyBySms}
              onChange={(event) => onChange({ notifyBySms: event.currentTarget.checked })}
              error={fieldError('notifyBySms', label('notifyBySms'))}
            />
          </Stack>
        </Fieldset>
      )}
    </Stack>
  );
}
