// Creating an API token by name; the secret comes back once and is shown here with a copy button.
import { useState, type FormEvent } from 'react';
import { Button, Code, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { CreatedToken } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { SecretReveal } from '../../../components/ui/secret-reveal.tsx';
import { useCreateToken } from '../api/create-token.ts';

export function CreateTokenForm() {
  const [name, setName] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const createToken = useCreateToken();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim()) return;
    setCreated(null);
    createToken.mutate(
      { name: name.trim() },
      {
        onSuccess: (result) => {
          setCreated(result);
          setName('');
          setSubmitted(false);
        },
      },
    );
  }

  return (
    <Stack gap="md">
      {created ? (
        <SecretReveal
          title={`Token "${created.token.name}" created`}
          label="Token secret"
          secret={created.secret}
          onDone={() => setCreated(null)}
        >
          <Text size="sm">
            Scripts send it as <Code>Authorization: Bearer &lt;secret&gt;</Code>. It acts as you, with your roles in every project.
          </Text>
        </SecretReveal>
      ) : null}
      <form onSubmit={submit} noValidate aria-label="Create API token">
        <Stack gap="sm">
          {createToken.error ? <ErrorAlert error={createToken.error} onClose={() => createToken.reset()} /> : null}
          <TextInput
            label="Token name"
            description="What it is for, e.g. “analysis notebook”"
            maxLength={100}
            required
            maw={420}
            value={name}
            error={submitted && !name.trim() ? 'Give the token a name.' : null}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <div>
            <Button type="submit" leftSection={<IconPlus size={16} aria-hidden />} loading={createToken.isPending}>
              Create token
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
