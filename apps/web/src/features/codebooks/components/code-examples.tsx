// A code's example issues, linked to GitHub with their note. Leads add one by issue number (the
// API asks for the repository when several have that number) and remove them.
import { useState, type FormEvent } from 'react';
import { ActionIcon, Button, Grid, NativeSelect, NumberInput, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconExternalLink, IconPlus, IconTrash } from '@tabler/icons-react';
import type { CodebookCode } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useAddExample } from '../api/add-example.ts';
import { useRemoveExample } from '../api/remove-example.ts';
import { GitHubLink } from '../../markdown/components/github-link.tsx';

function ambiguousRepositories(error: unknown): string[] {
  if (!isApiError(error, 400) || error.code !== 'AMBIGUOUS_ISSUE') return [];
  const repositories = (error.details as { repositories?: unknown } | undefined)?.repositories;
  return Array.isArray(repositories) ? repositories.filter((entry): entry is string => typeof entry === 'string') : [];
}

interface CodeExamplesProps {
  projectId: string;
  stageId: string;
  code: CodebookCode;
  editable: boolean;
}

export function CodeExamples({ projectId, stageId, code, editable }: CodeExamplesProps) {
  const add = useAddExample(projectId, stageId);
  const remove = useRemoveExample(projectId, stageId);
  const [number, setNumber] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [repository, setRepository] = useState('');
  const candidates = ambiguousRepositories(add.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (typeof number !== 'number') return;
    add.mutate(
      { codeId: code.id, body: { number, note, ...(repository ? { repository } : {}) } },
      {
        onSuccess: () => {
          setNumber('');
          setNote('');
          setRepository('');
        },
      },
    );
  }

  return (
    <Stack gap="sm">
      {code.examples.length === 0 ? (
        <Text size="sm" c="dimmed">
          No examples yet.{editable ? ' Typical issues help coders apply the code the same way.' : ''}
        </Text>
      ) : (
        <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }} aria-label="Examples">
          {code.examples.map((example) => (
            <li key={example.issueId}>
              <Grid gap="xs" align="center">
                <Grid.Col span="auto">
                  <GitHubLink url={example.url} size="sm">
                    {example.repository}#{example.number} {example.title}{' '}
                    <IconExternalLink size={12} aria-label="opens GitHub in a new tab" />
                  </GitHubLink>
                  {example.note ? (
                    <Text size="xs" c="dimmed">
                      {example.note}
                    </Text>
                  ) : null}
                </Grid.Col>
                {editable ? (
                  <Grid.Col span="content">
                    <Tooltip label="Remove example" withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove example ${example.repository}#${example.number}`}
                        loading={remove.isPending && remove.variables?.issueId === example.issueId}
                        onClick={() => remove.mutate({ codeId: code.id, issueId: example.issueId })}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Grid.Col>
                ) : null}
              </Grid>
            </li>
          ))}
        </Stack>
      )}
      {remove.error ? <ErrorAlert error={remove.error} onClose={() => remove.reset()} /> : null}
      {editable ? (
        <form onSubmit={submit} aria-label="Add example" noValidate>
          <Stack gap="xs">
            {add.error && candidates.length === 0 ? <ErrorAlert error={add.error} onClose={() => add.reset()} /> : null}
            <Grid gap="xs" align="flex-end">
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <NumberInput label="Issue number" min={1} allowDecimal={false} hideControls value={number} onChange={setNumber} />
              </Grid.Col>
              {candidates.length > 0 ? (
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <NativeSelect
                    label="Repository"
                    description={`Several repositories have an issue #${number}`}
                    data={[{ value: '', label: 'Choose…' }, ...candidates]}
                    value={repository}
                    onChange={(event) => setRepository(event.currentTarget.value)}
                  />
                </Grid.Col>
              ) : null}
              <Grid.Col span="auto">
                <TextInput
                  label="Note"
                  placeholder="Why it is a good example"
                  maxLength={2000}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                />
              </Grid.Col>
              <Grid.Col span="content">
                <Button
                  type="submit"
                  variant="light"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  loading={add.isPending}
                  disabled={typeof number !== 'number' || (candidates.length > 0 && !repository)}
                >
                  Add example
                </Button>
              </Grid.Col>
            </Grid>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
