// The status of one of my assignments: not started, a saved draft, or submitted.
import { Badge } from '@mantine/core';
import type { AssignmentStatus } from '@concord/contracts';

const LOOK: Record<AssignmentStatus, { color: string; label: string }> = {
  todo: { color: 'gray', label: 'to do' },
  draft: { color: 'yellow', label: 'draft' },
  submitted: { color: 'teal', label: 'submitted' },
};

export function AssignmentStatusBadge({ status }: { status: AssignmentStatus }) {
  const { color, label } = LOOK[status];
  return (
    <Badge variant="light" color={color} size="sm" tt="none">
      {label}
    </Badge>
  );
}
