// My active API tokens, recognisable by name and prefix, each revocable after confirmation.
import { useState } from 'react';
import { Button, Code, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import type { ApiToken } from '@concord/contracts';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useRevokeToken } from '../api/revoke-token.ts';

export function TokensTable({ tokens }: { tokens: ApiToken[] }) {
  const revokeToken = useRevokeToken();
  const [toRevoke, setToRevoke] = useState<ApiToken | null>(null);

  function close() {
    setToRevoke(null);
    revokeToken.reset();
  }

  function confirm() {
    if (!toRevoke) return;
    const revoked = toRevoke;
    revokeToken.mutate(revoked.id, {
      onSuccess: () => {
        close();
        notifications.show({ color: 'teal', title: 'Token revoked', message: `"${revoked.name}" no longer works.` });
      },
    });
  }

  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="sm" aria-label="API tokens">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Starts with</Table.Th>
              <Table.Th scope="col">Created</Table.Th>
              <Table.Th scope="col">Last used</Table.Th>
              <Table.Th scope="col" ta="right">
                Actions
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {token.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Code>{token.prefix}…</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(token.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={token.lastUsedAt ? undefined : 'dimmed'}>
                    {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'never'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    aria-label={`Revoke ${token.name}`}
                    onClick={() => setToRevoke(token)}
                  >
                    Revoke
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmDialog
        opened={toRevoke !== null}
        title="Revoke token?"
        confirmLabel="Revoke token"
        onClose={close}
        onConfirm={confirm}
        loading={revokeToken.isPending}
        error={revokeToken.error}
      >
        {toRevoke ? (
          <>
            Scripts using <strong>{toRevoke.name}</strong> (<Code>{toRevoke.prefix}…</Code>) will stop working at once. This cannot be
            undone.
          </>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
