// Booking step 1 (P1): the services bookable online, each a large button with its name in the interface
// language and its duration.
import { Anchor, Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconVideo } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../formatPhone';
import classes from '../portal.module.css';
import type { PublicOrganisation } from '../usePublicOrganisation';
import { StepHeading } from './StepHeading';
import { type PublicService, serviceName } from './types';

type Props = {
  organisation: PublicOrganisation;
  services: PublicService[];
  onChoose: (service: PublicService) => void;
  focusOnMount: boolean;
};

export function ServiceStep({ organisation, services, onChoose, focusOnMount }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="md">
      <StepHeading focusOnMount={focusOnMount}>{t('portal.booking.chooseService')}</StepHeading>
      {services.length === 0 && (
        <Text>
          {t('portal.booking.noServices')}{' '}
          {organisation.phone && (
            <Anchor href={`tel:${organisation.phone}`}>{formatPhone(organisation.phone)}</Anchor>
          )}
        </Text>
      )}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {services.map((service) => (
          <li key={service.id}>
            <UnstyledButton className={classes.choice} onClick={() => onChoose(service)}>
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Stack gap={4}>
                  <Text fw={700} size="lg" component="span">
                    {serviceName(service, i18n.language)}
                  </Text>
                  <Group gap="xs">
                    <Text size="sm" c="dimmed" component="span">
                      {t('portal.booking.duration', { count: service.durationMinutes })}
                    </Text>
                    {service.isVideo && (
                      <Badge
                        variant="light"
                        color="blue"
                        c="blue.9"
                        leftSection={<IconVideo size={12} aria-hidden="true" />}
                      >
                        {t('portal.booking.video')}
                      </Badge>
                    )}
                  </Group>
                </Stack>
                <IconChevronRight aria-hidden="true" />
              </Group>
            </UnstyledButton>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
