// A whole-page message (not found, not allowed, coming soon, failure) with its h1, an icon,
// an explanation and a way onward.
import type { ReactNode } from 'react';
import { EmptyState } from '@mantine/core';

interface StatusMessageProps {
  icon: ReactNode;
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  color?: string;
  /** Heading level; 1 when the message is the whole page. */
  order?: 1 | 2 | 3;
}

export function StatusMessage({ icon, title, children, actions, color = 'indigo', order = 1 }: StatusMessageProps) {
  return (
    <EmptyState color={color} size="lg" py="xl" mx="auto" maw={620}>
      <EmptyState.Indicator aria-hidden>{icon}</EmptyState.Indicator>
      <EmptyState.Title order={order}>{title}</EmptyState.Title>
      {children ? <EmptyState.Description component="div">{children}</EmptyState.Description> : null}
      {actions ? <EmptyState.Actions>{actions}</EmptyState.Actions> : null}
    </EmptyState>
  );
}
