// The last resort when rendering a page throws: say so, and offer a reload instead of a blank page.
import { useRouteError } from 'react-router';
import { Button, Center, Code, Stack, Text } from '@mantine/core';
import { IconBug } from '@tabler/icons-react';
import { StatusMessage } from '../../components/ui/status-message.tsx';
import { errorMessage } from '../../lib/api-client.ts';

export function ErrorPage() {
  const error = useRouteError();
  return (
    <Center component="main" mih="100dvh" p="md">
      <StatusMessage
        icon={<IconBug />}
        title="Something went wrong"
        color="red"
        actions={<Button onClick={() => window.location.reload()}>Reload the page</Button>}
      >
        <Stack gap="xs" align="center">
          <Text>This page failed to display. Reloading usually helps; if it keeps happening, report what you were doing.</Text>
          <Code>{errorMessage(error)}</Code>
        </Stack>
      </StatusMessage>
    </Center>
  );
}
