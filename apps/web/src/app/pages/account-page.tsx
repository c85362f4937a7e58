// My account: who I am signed in as, and my API tokens for scripts (list, create, revoke).
import { Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { useMe } from '../../features/auth/api/get-me.ts';
import { useTokens } from '../../features/tokens/api/get-tokens.ts';
import { CreateTokenForm } from '../../features/tokens/components/create-token-form.tsx';
import { TokensTable } from '../../features/tokens/components/tokens-table.tsx';

export function AccountPage() {
  useDocumentTitle('Account · Concord');
  const me = useMe();
  const tokens = useTokens();
  const user = me.data?.user;

  return (
    <>
      <PageHeader title="Account" description="Your profile and the API tokens that let scripts use Concord as you." />
      <Stack gap="lg" maw={960}>
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="profile-heading">
          <Title order={2} fz="h4" id="profile-heading" mb="md">
            Profile
          </Title>
          {user ? (
            <Stack gap={6}>
              <Group gap="xs">
                <Text size="sm" c="dimmed" w={60}>
                  Name
                </Text>
                <Text size="sm" fw={500}>
                  {user.name}
                </Text>
              </Group>
              <Group gap="xs">
                <Text size="sm" c="dimmed" w={60}>
                  Email
                </Text>
                <Text size="sm" fw={500}>
                  {user.email}
                </Text>
              </Group>
            </Stack>
          ) : null}
        </Card>

        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="tokens-heading">
          <Title order={2} fz="h4" id="tokens-heading" mb={4}>
            API tokens
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            A token lets a script (R, Python, CI) call the API as you. Revoke any token you no longer use.
          </Text>
          <Stack gap="lg">
            <CreateTokenForm />
            {tokens.isPending ? (
              <Stack gap="xs" aria-busy="true" aria-label="Loading tokens">
                <Skeleton h={36} />
                <Skeleton h={36} />
              </Stack>
            ) : tokens.isError ? (
              <ErrorAlert error={tokens.error} title="Could not load your tokens" />
            ) : tokens.data.length === 0 ? (
              <Text size="sm" c="dimmed">
                You have no active tokens.
              </Text>
            ) : (
              <TokensTable tokens={tokens.data} />
            )}
          </Stack>
        </Card>
      </Stack>
    </>
  );
}
