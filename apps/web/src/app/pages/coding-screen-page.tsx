// The coding screen of one assignment. It loads the assignment (the issue, the codebook, my
// coding) and my queue in its round, prefetches the issues before and after it so that moving
// on paints at once, and answers plainly when the assignment is not mine or does not exist.
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { Button } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconEyeOff, IconFileOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { CenteredLoader } from '../../components/ui/centered-loader.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { StatusMessage } from '../../components/ui/status-message.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { assignmentQueryOptions, useAssignment } from '../../features/coding/api/get-assignment.ts';
import { useQueue } from '../../features/coding/api/get-queue.ts';
import { CodingSession } from '../../features/coding/components/coding-session.tsx';
import { useCurrentProject } from '../layouts/project-layout.tsx';

export function CodingScreenPage() {
  const project = useCurrentProject();
  const { assignmentId = '' } = useParams();
  const assignment = useAssignment(project.id, assignmentId);
  const queue = useQueue(project.id, assignment.data?.round.id);
  const queryClient = useQueryClient();
  const issue = assignment.data?.issue;
  useDocumentTitle(
    issue ? `${issue.repository}#${issue.number} · Coding · ${project.name} · Concord` : `Coding · ${project.name} · Concord`,
  );

  const nextId = assignment.data?.nextAssignmentId;
  const previousId = assignment.data?.previousAssignmentId;
  useEffect(() => {
    for (const id of [nextId, previousId]) {
      if (id) void queryClient.prefetchQuery(assignmentQueryOptions(project.id, id));
    }
  }, [queryClient, project.id, nextId, previousId]);

  const back = (
    <Button component={Link} to={`/projects/${project.id}/coding`} variant="light">
      Back to my rounds
    </Button>
  );

  if (assignment.isPending) return <CenteredLoader label="Loading the issue" />;
  if (assignment.isError) {
    if (isApiError(assignment.error, 403)) {
      return (
        <StatusMessage icon={<IconEyeOff />} title="Not your assignment" color="orange" actions={back}>
          Coding is blind: each coder opens only the issues assigned to them, and this one is assigned to someone else.
        </StatusMessage>
      );
    }
    if (isApiError(assignment.error, 404)) {
      return (
        <StatusMessage icon={<IconFileOff />} title="Assignment not found" color="gray" actions={back}>
          This assignment does not exist in this project. It may belong to a round that was deleted.
        </StatusMessage>
      );
    }
    return <ErrorAlert error={assignment.error} title="Could not load the issue" />;
  }
  // Keyed by assignment: a new issue starts with its own coding, timer and save state.
  return <CodingSession key={assignment.data.assignmentId} projectId={project.id} detail={assignment.data} queue={queue.data} />;
}
