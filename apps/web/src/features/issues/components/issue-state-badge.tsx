// An issue's GitHub state as a badge in GitHub's own colours (open green, closed purple).
import { Badge } from '@mantine/core';

export function IssueStateBadge({ state }: { state: string }) {
  const normalised = state.toLowerCase();
  const color = normalised === 'open' ? 'green' : normalised === 'closed' ? 'grape' : 'gray';
  return (
    <Badge variant="light" color={color} tt="lowercase">
      {normalised}
    </Badge>
  );
}
