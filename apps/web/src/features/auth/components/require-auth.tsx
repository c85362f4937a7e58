// Guards the signed-in part of the app: waits for /auth/me, then either renders the children or
// sends the person to sign in, remembering where they were going.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button } from '@mantine/core';
import { IconCloudOff } from '@tabler/icons-react';
import { CenteredLoader } from '../../../components/ui/centered-loader.tsx';
import { StatusMessage } from '../../../components/ui/status-message.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useMe } from '../api/get-me.ts';

export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <CenteredLoader fullScreen label="Checking your session" />;
  if (me.isError) {
    return (
      <StatusMessage
        icon={<IconCloudOff />}
        title="Concord is unreachable"
        color="red"
        actions={<Button onClick={() => void me.refetch()}>Try again</Button>}
      >
        {errorMessage(me.error)}
      </StatusMessage>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}
