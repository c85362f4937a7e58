// The dataset: each issue with its final label in every stage (agreed, decided or reopened).
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { DatasetPage } from '@concord/contracts';
import { GitHubLink } from '../../markdown/components/github-link.tsx';

export function DatasetTable({ page }: { page: DatasetPage }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" striped aria-label="Dataset">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Issue</Table.Th>
            {page.stages.map((stage) => (
              <Table.Th scope="col" key={stage.id}>
                {stage.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {page.items.map((item) => (
            <Table.Tr key={item.issueId} data-testid="dataset-row">
              <Table.Td>
                <GitHubLink url={item.url} size="sm" fw={600}>
                  {item.repository}#{item.number}
                </GitHubLink>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {item.title}
                </Text>
              </Table.Td>
              {page.stages.map((stage) => {
                const label = item.labels.find((l) => l.stageId === stage.id);
                return (
                  <Table.Td key={stage.id}>
                    {label ? (
                      <Stack gap={2}>
                        <Group gap={4}>
                          {label.codes.map((code) => (
                            <Badge key={code.id} variant="light" tt="none">
                              {code.name}
                            </Badge>
                          ))}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {label.reopened ? 'reopened' : label.agreed ? 'agreed' : `decided (v${label.version})`}
                        </Text>
                      </Stack>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
