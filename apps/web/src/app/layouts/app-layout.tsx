// The signed-in frame: a header with the brand and the account menu on every page, and inside a
// project a left navbar (a drawer-like toggle on small screens).
import { useEffect } from 'react';
import { Link, Outlet, useLocation, useMatch } from 'react-router';
import { ActionIcon, Anchor, AppShell, Burger, Group, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMoon, IconSun } from '@tabler/icons-react';
import { Brand } from '../../components/ui/brand.tsx';
import { useMe } from '../../features/auth/api/get-me.ts';
import { UserMenu } from '../../features/auth/components/user-menu.tsx';
import { UnreadIndicator } from '../../features/review/components/unread-indicator.tsx';
import { ProjectNavbar } from './project-navbar.tsx';
import classes from './app-layout.module.css';

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} theme`} withArrow>
      <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`Switch to ${next} theme`} onClick={() => setColorScheme(next)}>
        {computed === 'dark' ? <IconSun size={18} aria-hidden /> : <IconMoon size={18} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  );
}

export function AppLayout() {
  const me = useMe();
  const projectMatch = useMatch('/projects/:projectId/*');
  const projectId = projectMatch?.params.projectId;
  const [navbarOpened, { toggle: toggleNavbar, close: closeNavbar }] = useDisclosure(false);
  const location = useLocation();

  // On small screens the navbar covers the page; close it once the person has chosen a page.
  useEffect(() => closeNavbar(), [location.pathname, closeNavbar]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={projectId ? { width: 250, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } } : undefined}
      padding={{ base: 'md', sm: 'lg' }}
    >
      <a href="#main-content" className={classes.skipLink}>
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {projectId ? (
              <Burger
                opened={navbarOpened}
                onClick={toggleNavbar}
                hiddenFrom="sm"
                size="sm"
                aria-label={navbarOpened ? 'Close project navigation' : 'Open project navigation'}
              />
            ) : null}
            <Anchor component={Link} to="/projects" underline="never" c="inherit" aria-label="Concord: all projects">
              <Brand />
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {projectId ? <UnreadIndicator projectId={projectId} /> : null}
            <ColorSchemeToggle />
            {me.data ? <UserMenu user={me.data.user} /> : null}
          </Group>
        </Group>
      </AppShell.Header>
      {projectId ? <ProjectNavbar projectId={projectId} /> : null}
      <AppShell.Main id="main-content" tabIndex={-1} className={classes.main}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
