// First-run setup: shown while the instance has no account at all, to create its first owner.
import { Navigate, useNavigate } from 'react-router';
import { useDocumentTitle } from '@mantine/hooks';
import { AuthCard } from '../../components/ui/auth-card.tsx';
import { CenteredLoader } from '../../components/ui/centered-loader.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { useSetupStatus } from '../../features/auth/api/get-setup-status.ts';
import { SetupForm } from '../../features/auth/components/setup-form.tsx';

export function SetupPage() {
  useDocumentTitle('Set up · Concord');
  const setupStatus = useSetupStatus();
  const navigate = useNavigate();

  if (setupStatus.isPending) return <CenteredLoader fullScreen />;
  if (setupStatus.isError) {
    return (
      <AuthCard title="Set up Concord">
        <ErrorAlert error={setupStatus.error} />
      </AuthCard>
    );
  }
  // Setup happens once; afterwards this address just leads to sign-in.
  if (!setupStatus.data.needsSetup) return <Navigate to="/login" replace />;

  return (
    <AuthCard
      title="Set up Concord"
      description="This instance has no accounts yet. Create the first one: it can create projects and add everyone else."
    >
      <SetupForm onDone={() => navigate('/projects', { replace: true })} />
    </AuthCard>
  );
}
