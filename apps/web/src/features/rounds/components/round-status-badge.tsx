// A round's status as a badge: a draft being prepared, open for coding, or closed (unblinded).
import { Badge } from '@mantine/core';
import { STATUS_COLOR, type RoundStatus } from './round-format.ts';

export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  return (
    <Badge variant="light" color={STATUS_COLOR[status]} size="sm" tt="none">
      {status}
    </Badge>
  );
}
