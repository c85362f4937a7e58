// Starting a GitHub import: repositories pasted one per line (or separated by spaces or commas),
// pull requests optional, and a token for this import when the server has none. When GitHub
// cannot be used (no token, no network), the form says so and points to file import.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, PasswordInput, Stack, Textarea } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ImportSettings } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { useStartImport } from '../api/start-import.ts';

export function StartImportForm({ projectId, settings, busy }: { projectId: string; settings: ImportSettings; busy: boolean }) {
  const start = useStartImport(projectId);
  const [repositories, setRepositories] = useState('');
  const [includePullRequests, setIncludePullRequests] = useState(false);
  const [token, setToken] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    start.mutate(
      { repositories: [repositories], includePullRequests, ...(token.trim() ? { token: token.trim() } : {}) },
      { onSuccess: () => setToken('') },
    );
  }

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {settings.serverTokenConfigured ? null : (
          <Alert color="yellow" icon={<IconInfoCircle />} title="No GitHub token on this server">
            Importing from GitHub needs a token, and this server has none (GITHUB_TOKEN is not set). Paste a personal access token below for
            this import (it is stored encrypted until the import ends and never shown again), or upload a JSON or CSV file of issues
            instead. The server must also reach {settings.apiUrl}; without network access, use a file.
          </Alert>
        )}
        <Textarea
          label="Repositories"
          description="owner/name or GitHub URLs, one per line (or separated by spaces or commas). Importing a repository again fetches only what changed since."
          placeholder={'huggingface/transformers\npytorch/vision'}
          autosize
          minRows={3}
          required
          value={repositories}
          onChange={(event) => setRepositories(event.currentTarget.value)}
        />
        <Checkbox
          label="Include pull requests"
          checked={includePullRequests}
          onChange={(event) => setIncludePullRequests(event.currentTarget.checked)}
        />
        <PasswordInput
          label={settings.serverTokenConfigured ? 'Token for this import (optional)' : 'GitHub token'}
          description={
            settings.serverTokenConfigured
              ? 'Leave empty to use the server’s token.'
              : 'A personal access token that can read these repositories.'
          }
          autoComplete="off"
          value={token}
          onChange={(event) => setToken(event.currentTarget.value)}
        />
        {start.isError ? <ErrorAlert error={start.error} title="Could not start the import" /> : null}
        <Button type="submit" loading={start.isPending} disabled={busy || !repositories.trim()} style={{ alignSelf: 'flex-start' }}>
          {busy ? 'An import is running' : 'Start import'}
        </Button>
      </Stack>
    </form>
  );
}
