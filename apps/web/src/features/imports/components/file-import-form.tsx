// Importing issues from a file: JSON (GitHub REST or GraphQL shape, comments embedded) or CSV
// (columns in the README). A bad file is refused whole, with each bad record and its reason.
import { useState } from 'react';
import { Alert, Button, FileInput, List, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import type { FileProblems } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { plural } from '../../../lib/format.ts';
import { useImportFile } from '../api/import-file.ts';

const SHOWN_PROBLEMS = 50;

export function FileImportForm({ projectId }: { projectId: string }) {
  const upload = useImportFile(projectId);
  const [file, setFile] = useState<File | null>(null);

  async function submit() {
    if (!file) return;
    const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
    upload.mutate({ format, content: await file.text() });
  }

  const problems =
    isApiError(upload.error) && upload.error.code === 'INVALID_FILE' ? (upload.error.details as FileProblems | undefined) : undefined;

  return (
    <Stack gap="sm">
      <FileInput
        label="Issues file"
        description="JSON: an array of issues as GitHub's REST or GraphQL API returns them, with their comments. CSV: one row per issue or comment (see the README)."
        placeholder="Choose a .json or .csv file"
        accept=".json,.csv,application/json,text/csv"
        leftSection={<IconFileUpload size={16} aria-hidden />}
        value={file}
        onChange={(next) => {
          setFile(next);
          upload.reset();
        }}
        clearable
      />
      <Button onClick={() => void submit()} loading={upload.isPending} disabled={!file} style={{ alignSelf: 'flex-start' }}>
        Import file
      </Button>
      {upload.isSuccess ? (
        <Alert color="teal" title="File imported">
          {plural(upload.data.issues, 'issue')} into {upload.data.repositories.join(', ')}: {upload.data.created} new, {upload.data.updated}{' '}
          updated
          {upload.data.changed ? ` (${upload.data.changed} with changed text)` : ''}, {plural(upload.data.comments, 'comment')}.
        </Alert>
      ) : null}
      {problems ? (
        <Alert color="red" title={`Nothing was imported: ${plural(problems.total, 'problem')} in the file`}>
          <List size="sm" spacing={2}>
            {problems.problems.slice(0, SHOWN_PROBLEMS).map((problem, i) => (
              <List.Item key={i}>
                {problem.record < 0
                  ? 'File'
                  : file?.name.toLowerCase().endsWith('.csv')
                    ? `Line ${problem.record}`
                    : `Record ${problem.record}`}
                : {problem.reason}
              </List.Item>
            ))}
          </List>
          {problems.total > SHOWN_PROBLEMS ? (
            <Text size="sm" mt="xs">
              … and {problems.total - SHOWN_PROBLEMS} more.
            </Text>
          ) : null}
        </Alert>
      ) : upload.isError ? (
        <ErrorAlert error={upload.error} title="Could not import the file" />
      ) : null}
    </Stack>
  );
}
