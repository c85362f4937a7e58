// Arriving from a confused code pair in review: the two codes' definitions and criteria side by
// side, each with a button that opens it in the editor, so refining them is one step away.
import { Alert, Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowsLeftRight } from '@tabler/icons-react';
import type { CodebookCode } from '@concord/contracts';

export function CodePairNote({ codes, onSelect }: { codes: CodebookCode[]; onSelect: (codeId: string) => void }) {
  return (
    <Alert variant="light" color="yellow" icon={<IconArrowsLeftRight aria-hidden />} title="Coders often confuse these two codes">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {codes.map((code) => (
          <Stack key={code.id} gap={4} align="flex-start">
            <Text fw={700} size="sm">
              {code.name}
            </Text>
            <Text size="sm">{code.definition || 'No definition yet.'}</Text>
            {code.includeCriteria ? <Text size="xs">Include: {code.includeCriteria}</Text> : null}
            {code.excludeCriteria ? <Text size="xs">Exclude: {code.excludeCriteria}</Text> : null}
            <Button size="compact-sm" variant="light" onClick={() => onSelect(code.id)}>
              Edit {code.name}
            </Button>
          </Stack>
        ))}
      </SimpleGrid>
    </Alert>
  );
}
