// A page of imported issues as a table: repository, number, title (search matches marked), state,
// labels, comments and a link to the issue on GitHub.
import { Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconExternalLink, IconMessage } from '@tabler/icons-react';
import type { IssueListItem } from '@concord/contracts';
import { formatDate } from '../../../lib/format.ts';
import { HighlightedText } from './highlighted-text.tsx';
import { IssueStateBadge } from './issue-state-badge.tsx';
import { GitHubLink } from '../../markdown/components/github-link.tsx';

export function IssuesTable({ issues, caption }: { issues: IssueListItem[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Repository</Table.Th>
            <Table.Th scope="col">#</Table.Th>
            <Table.Th scope="col" w="45%">
              Title
            </Table.Th>
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col">Labels</Table.Th>
            <Table.Th scope="col" ta="right">
              Comments
            </Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Link</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((issue) => (
            <Table.Tr key={issue.id}>
              <Table.Td>
                <Text size="sm" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {issue.repository}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  #{issue.number}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Text size="sm" fw={500}>
                    {issue.highlight ? <HighlightedText segments={issue.highlight.title} /> : issue.title}
                  </Text>
                  {issue.isPullRequest ? (
                    <Badge size="xs" variant="light" color="grape">
                      PR
                    </Badge>
                  ) : null}
                  {issue.changedSinceCoded ? (
                    <Badge size="xs" variant="light" color="orange" title="A later import changed its text after it was coded">
                      changed since coded
                    </Badge>
                  ) : null}
                </Group>
                {issue.highlight && issue.highlight.snippet.some((s) => s.match) ? (
                  <Text size="xs" c="dimmed" lineClamp={2} data-testid="search-snippet">
                    <HighlightedText segments={issue.highlight.snippet} />
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed">
                  opened {formatDate(issue.createdAt)}
                  {issue.closedAt ? ` · closed ${formatDate(issue.closedAt)}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <IssueStateBadge state={issue.state} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {issue.labels.length === 0 ? (
                    <Text size="xs" c="dimmed">
                      none
                    </Text>
                  ) : (
                    issue.labels.map((label) => (
                      <Badge key={label} variant="default" size="sm" tt="none">
                        {label}
                      </Badge>
                    ))
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right">
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <IconMessage size={14} aria-hidden />
                  <Text size="sm">{issue.comments}</Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <GitHubLink
                  url={issue.url}
                  size="sm"
                  aria-label={`Open ${issue.repository}#${issue.number} on GitHub (new tab)`}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  <Group component="span" gap={4} wrap="nowrap">
                    GitHub
                    <IconExternalLink size={14} aria-hidden />
                  </Group>
                </GitHubLink>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
