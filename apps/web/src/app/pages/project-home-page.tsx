// A project's overview: what it is, my role in it, its counts and stages.
import { useDocumentTitle } from '@mantine/hooks';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { RoleBadge } from '../../components/ui/role-badge.tsx';
import { ProjectOverview } from '../../features/projects/components/project-overview.tsx';
import { useCurrentProject } from '../layouts/project-layout.tsx';

export function ProjectHomePage() {
  const project = useCurrentProject();
  useDocumentTitle(`${project.name} · Concord`);
  return (
    <>
      <PageHeader title={project.name} description={project.description || undefined} badge={<RoleBadge role={project.role} size="lg" />} />
      <ProjectOverview project={project} />
    </>
  );
}
