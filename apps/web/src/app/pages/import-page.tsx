// The Import area: the project's repositories, the latest import's live progress, and (for leads
// and owners) starting a GitHub import or uploading a file.
import { Card, Center, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { useImportSettings } from '../../features/imports/api/get-import-settings.ts';
import { isActive, useImports } from '../../features/imports/api/get-imports.ts';
import { useRepositories } from '../../features/imports/api/get-repositories.ts';
import { FileImportForm } from '../../features/imports/components/file-import-form.tsx';
import { ImportProgress } from '../../features/imports/components/import-progress.tsx';
import { RepositoriesTable } from '../../features/imports/components/repositories-table.tsx';
import { StartImportForm } from '../../features/imports/components/start-import-form.tsx';
import { useCurrentProject } from '../layouts/project-layout.tsx';

export function ImportPage() {
  const project = useCurrentProject();
  useDocumentTitle(`Import · ${project.name} · Concord`);
  const settings = useImportSettings(project.id);
  const imports = useImports(project.id);
  const repositories = useRepositories(project.id);
  const canImport = project.role === 'owner' || project.role === 'lead';
  const latest = imports.data?.[0];

  return (
    <>
      <PageHeader
        title="Import"
        description="Issues come from GitHub (GraphQL API) or from a JSON or CSV file. Imports run in the background and survive restarts."
      />
      <Stack gap="lg">
        {latest ? (
          <Card withBorder radius="md">
            <Title order={2} size="h4" mb="sm">
              {isActive(latest) ? 'Import in progress' : 'Latest import'}
            </Title>
            <ImportProgress projectId={project.id} job={latest} canStop={canImport} />
          </Card>
        ) : imports.isError ? (
          <ErrorAlert error={imports.error} title="Could not load the imports" />
        ) : null}

        {canImport ? (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Card withBorder radius="md">
              <Title order={2} size="h4" mb="sm">
                From GitHub
              </Title>
              {settings.data ? (
                <StartImportForm projectId={project.id} settings={settings.data} busy={latest ? isActive(latest) : false} />
              ) : settings.isError ? (
                <ErrorAlert error={settings.error} />
              ) : (
                <Loader size="sm" aria-label="Loading" />
              )}
            </Card>
            <Card withBorder radius="md">
              <Title order={2} size="h4" mb="sm">
                From a file
              </Title>
              <FileImportForm projectId={project.id} />
            </Card>
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            Leads and owners import issues; you can follow their progress here.
          </Text>
        )}

        <Card withBorder radius="md" p={0}>
          <Title order={2} size="h4" p="md" pb={0}>
            Repositories
          </Title>
          {repositories.isPending ? (
            <Center py="md">
              <Loader size="sm" aria-label="Loading repositories" />
            </Center>
          ) : repositories.isError ? (
            <ErrorAlert error={repositories.error} />
          ) : repositories.data.length === 0 ? (
            <Text size="sm" c="dimmed" p="md">
              No repositories yet.
            </Text>
          ) : (
            <RepositoriesTable repositories={repositories.data} />
          )}
        </Card>
      </Stack>
    </>
  );
}
