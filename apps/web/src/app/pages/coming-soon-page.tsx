// The page of a project area that is not built yet: it says so plainly and what the area will
// do, and shows no placeholder data.
import { Link } from 'react-router';
import { Button, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconHourglassEmpty } from '@tabler/icons-react';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { StatusMessage } from '../../components/ui/status-message.tsx';
import { useCurrentProject } from '../layouts/project-layout.tsx';
import type { ProjectArea } from '../project-areas.ts';

export function ComingSoonPage({ area }: { area: ProjectArea }) {
  const project = useCurrentProject();
  useDocumentTitle(`${area.label} · ${project.name} · Concord`);
  return (
    <>
      <PageHeader title={area.label} />
      <StatusMessage
        order={2}
        icon={<IconHourglassEmpty />}
        title="Not built yet"
        color="gray"
        actions={
          <Button component={Link} to={`/projects/${project.id}`} variant="light">
            Back to the project overview
          </Button>
        }
      >
        <Text>Coming soon: {area.comingSoon}</Text>
        <Text size="sm" c="dimmed" mt="xs">
          This area of Concord is not built yet, so there is nothing to do here for now.
        </Text>
      </StatusMessage>
    </>
  );
}
