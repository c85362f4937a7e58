// The projects I am a member of, with my role in each, and the "New project" dialog.
import { useNavigate } from 'react-router';
import { Button, SimpleGrid, Skeleton } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { IconFolderPlus, IconPlus } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { StatusMessage } from '../../components/ui/status-message.tsx';
import { useProjects } from '../../features/projects/api/get-projects.ts';
import { CreateProjectModal } from '../../features/projects/components/create-project-modal.tsx';
import { ProjectCard } from '../../features/projects/components/project-card.tsx';

export function ProjectsPage() {
  useDocumentTitle('Projects · Concord');
  const projects = useProjects();
  const [creating, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();

  return (
    <>
      <PageHeader
        title="Projects"
        description="Each project is one study: its repositories, issues, coders and coding stages."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
            New project
          </Button>
        }
      />
      {projects.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-busy="true" aria-label="Loading projects">
          {[0, 1, 2].map((key) => (
            <Skeleton key={key} h={150} radius="md" />
          ))}
        </SimpleGrid>
      ) : projects.isError ? (
        <ErrorAlert error={projects.error} title="Could not load your projects" />
      ) : projects.data.length === 0 ? (
        <StatusMessage
          order={2}
          icon={<IconFolderPlus />}
          title="No projects yet"
          actions={
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
              New project
            </Button>
          }
        >
          Create a project for your study, or ask a project owner to add you to theirs.
        </StatusMessage>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label="Your projects"
        >
          {projects.data.map((project) => (
            <li key={project.id}>
              <ProjectCard project={project} />
            </li>
          ))}
        </SimpleGrid>
      )}
      <CreateProjectModal opened={creating} onClose={close} onCreated={(project) => navigate(`/projects/${project.id}`)} />
    </>
  );
}
