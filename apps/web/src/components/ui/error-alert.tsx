// An error from the API (or anything thrown) as an alert, with the request id that finds it in
// the server logs when someone reports it.
import type { ReactNode } from 'react';
import { Alert, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { errorMessage, isApiError } from '../../lib/api-client.ts';

interface ErrorAlertProps {
  error: unknown;
  title?: ReactNode;
  onClose?: () => void;
}

export function ErrorAlert({ error, title, onClose }: ErrorAlertProps) {
  // Only server failures need the request id: it is what an administrator looks up in the logs.
  const requestId = isApiError(error) && error.status >= 500 ? error.requestId : undefined;
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertCircle aria-hidden />}
      withCloseButton={Boolean(onClose)}
      closeButtonLabel="Dismiss"
      onClose={onClose}
    >
      <Text size="sm">{errorMessage(error)}</Text>
      {requestId ? (
        <Text size="xs" c="dimmed" mt={4}>
          Request id: {requestId}
        </Text>
      ) : null}
    </Alert>
  );
}
