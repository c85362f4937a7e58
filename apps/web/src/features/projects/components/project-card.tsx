// One project in the projects list: its name (the link), description, my role and age.
import { Link } from 'react-router';
import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import type { ProjectSummary } from '@concord/contracts';
import { RoleBadge } from '../../../components/ui/role-badge.tsx';
import { formatDate } from '../../../lib/format.ts';

export function ProjectCard({ project }: { project: ProjectSummary }) {
  return (
    <Card withBorder radius="md" padding="lg" component="article" h="100%">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Anchor component={Link} to={`/projects/${project.id}`} fw={600} fz="lg" lh={1.3} style={{ overflowWrap: 'anywhere' }}>
            {project.name}
          </Anchor>
          <RoleBadge role={project.role} />
        </Group>
        <Text size="sm" c={project.description ? undefined : 'dimmed'} lineClamp={3} style={{ flex: 1 }}>
          {project.description || 'No description.'}
        </Text>
        <Text size="xs" c="dimmed">
          {project.slug} · created {formatDate(project.createdAt)}
        </Text>
      </Stack>
    </Card>
  );
}
