// The issues behind a cell of the report where the coders differ, each with a link to GitHub
// and every coder's codes by name, in a drawer over the page.
import { useState } from 'react';
import { Badge, Center, Drawer, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconExternalLink } from '@tabler/icons-react';
import type { CodeRef, CoderRef, DisagreementQuery } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { plural } from '../../../lib/format.ts';
import { useDisagreements } from '../api/get-disagreements.ts';
import { GitHubLink } from '../../markdown/components/github-link.tsx';

export interface DisagreementTarget {
  title: string;
  description: string;
  query: DisagreementQuery;
}

interface DisagreementsDrawerProps {
  projectId: string;
  stageId: string;
  target: DisagreementTarget | null;
  coders: CoderRef[];
  codeById: Map<string, CodeRef>;
  onClose: () => void;
}

export function DisagreementsDrawer({ projectId, stageId, target: openTarget, coders, codeById, onClose }: DisagreementsDrawerProps) {
  // The last target stays on screen while the drawer slides out, instead of blanking first.
  const [target, setTarget] = useState(openTarget);
  if (openTarget && openTarget !== target) setTarget(openTarget);
  const disagreements = useDisagreements(projectId, stageId, target?.query ?? null);
  const wide = useMediaQuery('(min-width: 48em)');
  const coderName = (id: string) => coders.find((coder) => coder.id === id)?.name ?? 'Unknown coder';
  // Coders in the report's order on every issue, so that each line reads the same way down the list.
  const coderRank = (id: string) => {
    const index = coders.findIndex((coder) => coder.id === id);
    return index === -1 ? coders.length : index;
  };
  const data = disagreements.data;

  return (
    <Drawer
      opened={openTarget !== null}
      onClose={onClose}
      position="right"
      size={wide ? 'lg' : '100%'}
      title={target?.title}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {target ? (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {target.description}
          </Text>
          {disagreements.isPending ? (
            <Center py="xl">
              <Loader aria-label="Loading the issues" />
            </Center>
          ) : disagreements.isError ? (
            <ErrorAlert error={disagreements.error} title="Could not load the issues" />
          ) : !data || data.items.length === 0 ? (
            <Text size="sm">No issue matches: the coders agree here.</Text>
          ) : (
            <>
              <Text size="sm" role="status" data-testid="disagreements-count">
                {data.total > data.items.length
                  ? `The first ${data.items.length} of ${plural(data.total, 'issue')}`
                  : plural(data.total, 'issue')}
              </Text>
              <Stack gap="sm" component="ul" aria-label="Disagreeing issues" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {data.items.map((issue) => (
                  <Paper key={issue.issueId} withBorder radius="md" p="sm" component="li">
                    <Text size="xs" c="dimmed" ff="monospace">
                      {issue.repository}#{issue.number}
                    </Text>
                    <GitHubLink
                      url={issue.url}
                      fw={500}
                      size="sm"
                      aria-label={`${issue.title} (${issue.repository}#${issue.number} on GitHub, new tab)`}
                    >
                      {issue.title} <IconExternalLink size={12} aria-hidden style={{ verticalAlign: 'middle' }} />
                    </GitHubLink>
                    <Stack gap={4} mt="xs">
                      {[...issue.codings]
                        .sort((a, b) => coderRank(a.coderId) - coderRank(b.coderId))
                        .map((coding) => (
                          <Group key={coding.coderId} gap={6} wrap="wrap">
                            <Text size="xs" fw={600} w={120} style={{ flexShrink: 0 }}>
                              {coderName(coding.coderId)}
                            </Text>
                            {coding.codeIds.length === 0 ? (
                              <Text size="xs" c="dimmed">
                                no code
                              </Text>
                            ) : (
                              coding.codeIds.map((codeId) => {
                                const code = codeById.get(codeId);
                                const highlighted = codeId === target.query.code;
                                return (
                                  <Badge
                                    key={codeId}
                                    size="sm"
                                    tt="none"
                                    variant={highlighted ? 'filled' : 'light'}
                                    color={highlighted ? 'indigo' : 'gray'}
                                    title={code ? code.path.join(' › ') : undefined}
                                  >
                                    {code?.name ?? 'Unknown code'}
                                  </Badge>
                                );
                              })
                            )}
                          </Group>
                        ))}
                    </Stack>
                  </Paper>
                ))}
              </Stack>
            </>
          )}
        </Stack>
      ) : null}
    </Drawer>
  );
}
