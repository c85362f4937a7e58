// "Page not found" for addresses the app does not know, inside the app frame or on its own.
import { Link } from 'react-router';
import { Button, Center } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconMapQuestion } from '@tabler/icons-react';
import { StatusMessage } from '../../components/ui/status-message.tsx';

export function NotFoundMessage() {
  useDocumentTitle('Page not found · Concord');
  return (
    <StatusMessage
      icon={<IconMapQuestion />}
      title="Page not found"
      actions={
        <Button component={Link} to="/projects">
          Go to your projects
        </Button>
      }
    >
      There is nothing at this address. It may have been mistyped, or the page may have moved.
    </StatusMessage>
  );
}

export function NotFoundPage() {
  return (
    <Center component="main" mih="100dvh" p="md">
      <NotFoundMessage />
    </Center>
  );
}
