// The project's members with inline role changes and removal (after confirmation). The API keeps
// at least one owner; its refusal is shown as a notification and the row keeps its role.
import { useState } from 'react';
import { Badge, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserMinus } from '@tabler/icons-react';
import type { Member } from '@concord/contracts';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { formatDate } from '../../../lib/format.ts';
import { useRemoveMember } from '../api/remove-member.ts';
import { useUpdateMemberRole } from '../api/update-member-role.ts';
import { isRole, ROLE_SHORT_OPTIONS } from './role-options.ts';

interface MembersTableProps {
  projectId: string;
  members: Member[];
  currentUserId: string;
}

export function MembersTable({ projectId, members, currentUserId }: MembersTableProps) {
  const updateRole = useUpdateMemberRole(projectId);
  const removeMember = useRemoveMember(projectId);
  const [toRemove, setToRemove] = useState<Member | null>(null);

  const pendingRoleFor = updateRole.isPending ? updateRole.variables?.userId : undefined;

  function changeRole(member: Member, value: string) {
    if (!isRole(value) || value === member.role) return;
    updateRole.mutate(
      { userId: member.userId, role: value },
      {
        onSuccess: (updated) =>
          notifications.show({ color: 'teal', title: 'Role changed', message: `${updated.name} is now ${updated.role}.` }),
        onError: (error) =>
          notifications.show({ color: 'red', title: `Could not change ${member.name}'s role`, message: errorMessage(error) }),
      },
    );
  }

  function closeRemoval() {
    setToRemove(null);
    removeMember.reset();
  }

  function confirmRemoval() {
    if (!toRemove) return;
    const removed = toRemove;
    removeMember.mutate(removed.userId, {
      onSuccess: () => {
        closeRemoval();
        notifications.show({ color: 'teal', title: 'Member removed', message: `${removed.name} is no longer in this project.` });
      },
    });
  }

  const sorted = [...members].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" highlightOnHover aria-label="Members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Email</Table.Th>
              <Table.Th scope="col">Role</Table.Th>
              <Table.Th scope="col">Added</Table.Th>
              <Table.Th scope="col" ta="right">
                Actions
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((member) => (
              <Table.Tr key={member.userId}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {member.name}
                    </Text>
                    {member.userId === currentUserId ? (
                      <Badge size="xs" variant="outline" color="gray">
                        you
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{member.email}</Text>
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={`Role of ${member.name}`}
                    size="xs"
                    w={120}
                    data={ROLE_SHORT_OPTIONS}
                    value={member.role}
                    disabled={pendingRoleFor === member.userId}
                    onChange={(event) => changeRole(member, event.currentTarget.value)}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(member.addedAt)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    leftSection={<IconUserMinus size={14} aria-hidden />}
                    aria-label={`Remove ${member.name}`}
                    onClick={() => setToRemove(member)}
                  >
                    Remove
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <ConfirmDialog
        opened={toRemove !== null}
        title="Remove member?"
        confirmLabel="Remove member"
        onClose={closeRemoval}
        onConfirm={confirmRemoval}
        loading={removeMember.isPending}
        error={removeMember.error}
      >
        {toRemove ? (
          <Stack gap={4}>
            <Text size="sm">
              Remove <strong>{toRemove.name}</strong> ({toRemove.email}) from this project?
            </Text>
            <Text size="sm" c="dimmed">
              {toRemove.userId === currentUserId
                ? 'You are removing yourself: you will lose access to this project.'
                : 'Their account stays; they lose access to this project. You can add them again later.'}
            </Text>
          </Stack>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
