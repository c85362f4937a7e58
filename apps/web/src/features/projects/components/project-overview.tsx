// A project at a glance: how much is in it (repositories, issues, stages, members) and its
// stages in order with the size of each codebook.
import { Badge, Card, Group, Paper, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBrandGithub, IconFileText, IconStack2, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ProjectDetail } from '@concord/contracts';
import { formatNumber } from '../../../lib/format.ts';

function Stat({ label, value, icon }: { label: string; value: number; icon: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {label}
          </Text>
          <Text fw={700} fz={28} lh={1.2}>
            {formatNumber(value)}
          </Text>
        </div>
        <ThemeIcon variant="light" size={42} radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
      </Group>
    </Paper>
  );
}

export function ProjectOverview({ project }: { project: ProjectDetail }) {
  const stages = [...project.stages].sort((a, b) => a.position - b.position);
  return (
    <Stack gap="xl">
      <SimpleGrid cols={{ base: 2, md: 4 }} component="section" aria-label="Counts">
        <Stat label="Repositories" value={project.counts.repositories} icon={<IconBrandGithub size={22} />} />
        <Stat label="Issues" value={project.counts.issues} icon={<IconFileText size={22} />} />
        <Stat label="Stages" value={project.counts.stages} icon={<IconStack2 size={22} />} />
        <Stat label="Members" value={project.counts.members} icon={<IconUsers size={22} />} />
      </SimpleGrid>

      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="stages-heading">
        <Title order={2} fz="h3" id="stages-heading" mb="xs">
          Stages
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          Each stage is one coding pass with its own codebook, done in this order.
        </Text>
        {stages.length === 0 ? (
          <Text size="sm">This project has no stages yet.</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={60}>
                    Order
                  </Table.Th>
                  <Table.Th scope="col">Stage</Table.Th>
                  <Table.Th scope="col">Mode</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Codes
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stages.map((stage, index) => (
                  <Table.Tr key={stage.id}>
                    <Table.Td>{index + 1}</Table.Td>
                    <Table.Td fw={500}>{stage.name}</Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color={stage.mode === 'multi' ? 'violet' : 'gray'}>
                        {stage.mode === 'multi' ? 'multi-label' : 'single choice'}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(stage.codes)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
