// P4: my profile as the clinic keeps it (read only: changes go through the clinic).
import { DataList, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../formatPhone';
import type { PortalSession } from '../portalClient';
import { SpaceSection } from './SpaceSection';

export function ProfileSection({ session }: { session: PortalSession }) {
  const { t } = useTranslation();
  const { profile } = session;
  const missing = t('portal.profile.missing');
  const rows = [
    { label: t('portal.profile.name'), value: `${profile.firstName} ${profile.lastName}` },
    { label: t('portal.profile.accountEmail'), value: session.email },
    { label: t('portal.profile.email'), value: profile.email ?? missing },
    {
      label: t('portal.profile.mobilePhone'),
      value: profile.mobilePhone ? formatPhone(profile.mobilePhone) : missing,
    },
  ];
  return (
    <SpaceSection title={t('portal.profile.title')}>
      <DataList withDivider labelWidth={160}>
        {rows.map((row) => (
          <DataList.Item key={row.label}>
            <DataList.ItemLabel>{row.label}</DataList.ItemLabel>
            <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{row.value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      <Text size="sm">{t('portal.profile.changeHint')}</Text>
    </SpaceSection>
  );
}
