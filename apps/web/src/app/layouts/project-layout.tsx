// Loads the project of the URL once for all its pages, and answers "not found" for projects that
// do not exist or that the person is not a member of (the API does not tell them apart).
import { Outlet, useOutletContext, useParams, Link } from 'react-router';
import { Button } from '@mantine/core';
import { IconFolderQuestion } from '@tabler/icons-react';
import type { ProjectDetail } from '@concord/contracts';
import { CenteredLoader } from '../../components/ui/centered-loader.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { StatusMessage } from '../../components/ui/status-message.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { useProject } from '../../features/projects/api/get-project.ts';

export function ProjectLayout() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);

  if (project.isPending) return <CenteredLoader label="Loading project" />;
  if (project.isError) {
    if (isApiError(project.error, 404)) {
      return (
        <StatusMessage
          icon={<IconFolderQuestion />}
          title="Project not found"
          actions={
            <Button component={Link} to="/projects">
              All projects
            </Button>
          }
        >
          This project does not exist, or you are not one of its members. Ask one of its owners to add you.
        </StatusMessage>
      );
    }
    return <ErrorAlert error={project.error} title="Could not load the project" />;
  }
  return <Outlet context={project.data} />;
}

/** The project of the URL, for pages rendered inside ProjectLayout. */
export function useCurrentProject(): ProjectDetail {
  return useOutletContext<ProjectDetail>();
}
