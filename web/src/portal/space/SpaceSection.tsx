// One titled block of the user space (a region named by its heading).
import { Card, Stack, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

export function SpaceSection({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Card component="section" withBorder radius="md" padding="md" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}
