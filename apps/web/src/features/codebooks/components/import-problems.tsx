// The problems of a refused import or copy, each with where it is in the file.
import { Alert, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ImportProblem } from '@concord/contracts';

export function ImportProblems({
  message,
  problems,
  hint = 'Nothing was imported. Correct the file and try again:',
}: {
  message: string;
  problems: ImportProblem[];
  hint?: string;
}) {
  return (
    <Alert role="alert" color="red" variant="light" title={message} icon={<IconAlertCircle aria-hidden />}>
      <Text size="sm" mb={6}>
        {hint}
      </Text>
      <List size="sm" spacing={4} aria-label="Problems">
        {problems.slice(0, 50).map((problem, index) => (
          <List.Item key={index}>
            <Text span ff="monospace" size="xs">
              {problem.path}
            </Text>{' '}
            {problem.message}
          </List.Item>
        ))}
      </List>
      {problems.length > 50 ? (
        <Text size="xs" c="dimmed" mt={4}>
          …and {problems.length - 50} more.
        </Text>
      ) : null}
    </Alert>
  );
}
