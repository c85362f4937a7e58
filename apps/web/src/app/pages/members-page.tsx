// Who is in the project and with which role. Owners add people, change roles and remove them;
// anyone else who opens this address gets a plain "Not allowed" explanation (the API answers 403).
import { Link } from 'react-router';
import { Button, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { StatusMessage } from '../../components/ui/status-message.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { useMe } from '../../features/auth/api/get-me.ts';
import { useMembers } from '../../features/members/api/get-members.ts';
import { AddMemberForm } from '../../features/members/components/add-member-form.tsx';
import { MembersTable } from '../../features/members/components/members-table.tsx';
import { useCurrentProject } from '../layouts/project-layout.tsx';

export function MembersPage() {
  const project = useCurrentProject();
  useDocumentTitle(`Members · ${project.name} · Concord`);
  const members = useMembers(project.id);
  const me = useMe();

  if (isApiError(members.error, 403)) {
    return (
      <StatusMessage
        icon={<IconLock />}
        title="Not allowed"
        color="orange"
        actions={
          <Button component={Link} to={`/projects/${project.id}`} variant="light">
            Back to the project overview
          </Button>
        }
      >
        <Text>Only project owners manage members: adding people, changing roles and removing them.</Text>
        <Text mt="xs">
          You are a <strong>{project.role}</strong> in this project. If someone should be added or a role changed, ask one of its owners.
        </Text>
      </StatusMessage>
    );
  }

  return (
    <>
      <PageHeader
        title="Members"
        description="People in this project and their roles: coders code, leads also adjudicate, owners also manage members."
      />
      <Stack gap="lg">
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="add-member-heading">
          <Title order={2} fz="h4" id="add-member-heading" mb="md">
            Add a member
          </Title>
          <AddMemberForm projectId={project.id} />
        </Card>
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="members-heading">
          <Title order={2} fz="h4" id="members-heading" mb="md">
            {members.data ? `Current members (${members.data.length})` : 'Current members'}
          </Title>
          {members.isPending ? (
            <Stack gap="xs" aria-busy="true" aria-label="Loading members">
              {[0, 1, 2].map((key) => (
                <Skeleton key={key} h={36} />
              ))}
            </Stack>
          ) : members.isError ? (
            <ErrorAlert error={members.error} title="Could not load the members" />
          ) : (
            <MembersTable projectId={project.id} members={members.data} currentUserId={me.data?.user.id ?? ''} />
          )}
        </Card>
      </Stack>
    </>
  );
}
