// One titled block of the record page (a region named by its heading), with optional actions beside the title.
import { Card, Group, Stack, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

type Props = { title: string; actions?: ReactNode; children: ReactNode };

export function RecordCard({ title, actions, children }: Props) {
  const headingId = useId();
  return (
    <Card component="section" withBorder padding="lg" radius="md" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Title order={2} size="h3" id={headingId}>
            {title}
          </Title>
          {actions}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
