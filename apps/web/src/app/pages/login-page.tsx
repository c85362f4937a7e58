// Sign-in screen. Sends an empty instance to first-run setup, and a signed-in person straight on
// to where they were going.
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { AuthCard } from '../../components/ui/auth-card.tsx';
import { CenteredLoader } from '../../components/ui/centered-loader.tsx';
import { useMe } from '../../features/auth/api/get-me.ts';
import { useSetupStatus } from '../../features/auth/api/get-setup-status.ts';
import { LoginForm } from '../../features/auth/components/login-form.tsx';

// Only same-app paths: an open redirect through ?next= would help phishing.
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/projects';
}

export function LoginPage() {
  useDocumentTitle('Sign in · Concord');
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get('next'));
  const navigate = useNavigate();
  const me = useMe();
  const setupStatus = useSetupStatus();

  if (me.isPending) return <CenteredLoader fullScreen label="Checking your session" />;
  if (me.data) return <Navigate to={next} replace />;
  if (setupStatus.data?.needsSetup) return <Navigate to="/setup" replace />;

  return (
    <AuthCard title="Sign in to Concord" description="Qualitative coding of GitHub issues, together.">
      <LoginForm onSignedIn={() => navigate(next, { replace: true })} />
      <Text size="xs" c="dimmed">
        No account? Project owners add people from their project's Members page.
      </Text>
    </AuthCard>
  );
}
