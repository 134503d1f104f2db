// A wide block that scrolls sideways on a phone. It takes keyboard focus and a name, so keyboard users can
// scroll it too (WCAG 2.1.1; axe: scrollable-region-focusable) even when it holds nothing focusable.
import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = { label: string; minWidth?: number; children: ReactNode };

export function ScrollRegion({ label, minWidth, children }: Props) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}
