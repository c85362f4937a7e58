// One statistic's value, or "—" when the server could not compute it, with its reason as a
// tooltip that keyboard users reach too (and screen readers read as text).
import type { ReactNode } from 'react';
import { Text, Tooltip, VisuallyHidden, type TextProps } from '@mantine/core';

interface StatValueProps extends TextProps {
  value: number | null;
  format: (value: number) => string;
  reason?: string | undefined;
  /** Shown after the value for screen readers and as the tooltip's subject, e.g. "Gwet's AC1". */
  children?: ReactNode;
  'data-testid'?: string;
}

export function StatValue({ value, format, reason, children, ...textProps }: StatValueProps) {
  if (value !== null) {
    return (
      <Text component="span" {...textProps}>
        {format(value)}
      </Text>
    );
  }
  const why = reason ?? 'Not computed for this selection.';
  return (
    <Tooltip label={why} withArrow multiline maw={320} events={{ hover: true, focus: true, touch: true }}>
      <Text component="span" tabIndex={0} style={{ cursor: 'help' }} {...textProps}>
        <span aria-hidden>—</span>
        <VisuallyHidden>
          {children ? <>{children} </> : null}not available: {why}
        </VisuallyHidden>
      </Text>
    </Tooltip>
  );
}
