// A secret (API token, temporary password) shown exactly once: read-only field, copy button and
// a plain warning that it cannot be shown again. The copy button's label leaves out the field's
// label so that the label names the field alone.
import type { ReactNode } from 'react';
import { ActionIcon, Alert, Button, CopyButton, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';

interface SecretRevealProps {
  title: ReactNode;
  /** Accessible label of the field holding the secret. */
  label: string;
  secret: string;
  children?: ReactNode;
  onDone: () => void;
}

export function SecretReveal({ title, label, secret, children, onDone }: SecretRevealProps) {
  return (
    <Alert color="yellow" variant="light" title={title} icon={<IconKey aria-hidden />}>
      <Stack gap="sm">
        {children}
        <Text size="sm" fw={600}>
          Copy it now: it is shown only this once and cannot be retrieved later.
        </Text>
        <TextInput
          label={label}
          value={secret}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          rightSectionWidth={42}
          rightSection={
            <CopyButton value={secret} timeout={2000}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
                  <ActionIcon
                    variant="subtle"
                    color={copied ? 'teal' : 'gray'}
                    onClick={copy}
                    aria-label={copied ? 'Copied to clipboard' : 'Copy to clipboard'}
                  >
                    {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          }
        />
        <Group justify="flex-end">
          <Button variant="light" color="yellow" onClick={onDone}>
            I have copied it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
