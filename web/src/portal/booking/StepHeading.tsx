// The heading of a booking step. Once the person has moved between steps it takes the keyboard focus when
// its step appears, so screen-reader and keyboard users land on the new step (WCAG 2.4.3) rather than on
// the body after the button they pressed vanished.
import { Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';

export function StepHeading({ children, focusOnMount }: { children: ReactNode; focusOnMount: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the step appears.
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, []);
  return (
    <Title order={2} size="h3" ref={ref} tabIndex={-1} style={{ outline: 'none' }}>
      {children}
    </Title>
  );
}
