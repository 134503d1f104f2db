// A coloured notice of the Users screens. The colour only tints the box and its icon; the title and text
// stay in the body colour so they keep their contrast on every tint (WCAG 1.4.3).
import { Alert, type AlertProps } from '@mantine/core';

type Props = AlertProps & { role: 'region' | 'note' | 'status' | 'alert' };

export function Notice({ styles, ...props }: Props) {
  return (
    <Alert
      variant="light"
      styles={{
        title: { color: 'var(--mantine-color-text)' },
        ...(typeof styles === 'object' ? styles : {}),
      }}
      {...props}
    />
  );
}
