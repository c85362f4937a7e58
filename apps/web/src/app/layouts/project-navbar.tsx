// The left navigation inside a project: its name and areas. Members is listed only for owners,
// since only they may manage members (the API enforces it too).
import { Link, useLocation } from 'react-router';
import { AppShell, Group, NavLink, ScrollArea, Skeleton, Stack, Text } from '@mantine/core';
import { RoleBadge } from '../../components/ui/role-badge.tsx';
import { useProject } from '../../features/projects/api/get-project.ts';
import { PROJECT_AREAS } from '../project-areas.ts';

export function ProjectNavbar({ projectId }: { projectId: string }) {
  const project = useProject(projectId);
  const location = useLocation();
  const base = `/projects/${projectId}`;
  const isOwner = project.data?.role === 'owner';
  const areas = PROJECT_AREAS.filter((area) => !area.ownerOnly || isOwner);

  return (
    <AppShell.Navbar p="sm" aria-label="Project">
      <AppShell.Section pb="sm" mb="sm" style={{ borderBottom: '1px solid var(--app-shell-border-color)' }}>
        {project.data ? (
          <Stack gap={6} px="xs">
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              Project
            </Text>
            <Text fw={600} size="sm" lineClamp={2} title={project.data.name}>
              {project.data.name}
            </Text>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                Your role
              </Text>
              <RoleBadge role={project.data.role} size="sm" />
            </Group>
          </Stack>
        ) : project.isPending ? (
          <Stack gap={6} px="xs">
            <Skeleton h={10} w="40%" />
            <Skeleton h={14} w="90%" />
          </Stack>
        ) : null}
      </AppShell.Section>
      <AppShell.Section grow component={ScrollArea}>
        <nav aria-label="Project areas">
          {areas.map((area) => {
            const to = area.path ? `${base}/${area.path}` : base;
            const active = area.path
              ? location.pathname === to || location.pathname.startsWith(`${to}/`)
              : location.pathname === base || location.pathname === `${base}/`;
            const Icon = area.icon;
            return (
              <NavLink
                key={area.path || 'overview'}
                component={Link}
                to={to}
                label={area.label}
                leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
                active={active}
                aria-current={active ? 'page' : undefined}
                variant="light"
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            );
          })}
        </nav>
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
