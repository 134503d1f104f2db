// U4/P4: my notification preferences (email, SMS) and the language of my messages, saved at once
// (PUT /portal/preferences). Once the person sets them, the clinic's staff can no longer change them.
import { Radio, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useApiAction } from '../../components/useApiAction';
import { isLanguage, LANGUAGES } from '../../i18n/language';
import { formatPhone } from '../formatPhone';
import { type PortalProfile, portalApi } from '../portalClient';
import { SpaceSection } from './SpaceSection';

type Change = { notifyByEmail?: boolean; notifyBySms?: boolean; language?: PortalProfile['language'] };

export function PreferencesSection({
  profile,
  onSaved,
}: {
  profile: PortalProfile;
  onSaved: (profile: PortalProfile) => void;
}) {
  const { t } = useTranslation();
  const { run, isPending, error } = useApiAction();

  const save = async (body: Change) => {
    let saved: PortalProfile | undefined;
    const isDone = await run(async () => {
      saved = await unwrap(portalApi.PUT('/api/v1/portal/preferences', { body }));
    });
    if (isDone && saved) {
      onSaved(saved);
      notifySuccess(t('portal.preferences.saved'));
    }
  };

  return (
    <SpaceSection title={t('portal.preferences.title')}>
      <Text size="sm">{t('portal.preferences.intro')}</Text>
      <ErrorAlert error={error} />
      <Stack gap="md">
        <Switch
          label={t('portal.preferences.email')}
          description={profile.email ? profile.email : t('portal.preferences.noEmail')}
          checked={profile.notifyByEmail}
          disabled={isPending}
          onChange={(event) => void save({ notifyByEmail: event.currentTarget.checked })}
        />
        <Switch
          label={t('portal.preferences.sms')}
          description={
            profile.mobilePhone ? formatPhone(profile.mobilePhone) : t('portal.preferences.noMobile')
          }
          checked={profile.notifyBySms}
          disabled={isPending}
          onChange={(event) => void save({ notifyBySms: event.currentTarget.checked })}
        />
        <Radio.Group
          label={t('portal.preferences.language')}
          description={t('portal.preferences.languageHint')}
          value={profile.language}
          onChange={(value) => {
            if (isLanguage(value) && value !== profile.language) void save({ language: value });
          }}
        >
          <Stack gap="xs" mt="xs">
            {LANGUAGES.map((language) => (
              <Radio
                key={language}
                value={language}
                disabled={isPending}
                label={<span lang={language}>{t(`common.language.${language}`)}</span>}
              />
            ))}
          </Stack>
        </Radio.Group>
      </Stack>
    </SpaceSection>
  );
}
