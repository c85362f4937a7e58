// One stage's analysis laid out: totals, distribution (table, bars, treemap), resolution time
// with its tests, the methods summary and how everything was counted.
import { useState } from 'react';
import { Group, List, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Analysis } from '@concord/contracts';
import { DistributionBars, DistributionTreemap } from './distribution-charts.tsx';
import { DistributionTable } from './distribution-table.tsx';
import { MethodsSummary } from './methods-summary.tsx';
import { RepositoryTable } from './repository-table.tsx';
import { ResolutionTimeSection } from './resolution-time-section.tsx';
import { SectionCard } from '../../../components/ui/section-card.tsx';

function Totals({ analysis }: { analysis: Analysis }) {
  const { totals, meta } = analysis;
  const units = meta.source === 'final' ? 'final labels' : 'codings';
  return (
    <Group gap="xl" wrap="wrap">
      <Text size="lg" data-testid="analysis-totals">
        <b>{totals.instances}</b> code applications in <b>{totals.issues}</b> issues
      </Text>
      <Text size="sm" c="dimmed" data-testid="analysis-units">
        {totals.units} {units}, {totals.unitsWithoutCode} without a code
      </Text>
    </Group>
  );
}

type Level = 'themes' | 'codes' | 'repositories';

export function AnalysisView({ analysis }: { analysis: Analysis }) {
  const [level, setLevel] = useState<Level>('themes');
  const { distribution } = analysis;
  const hierarchical = distribution.perCode.some((row) => row.code.parentId !== null);
  const shownLevel = !hierarchical && level === 'themes' ? 'codes' : level;
  const chartRows = shownLevel === 'themes' ? distribution.perTheme : distribution.perCode;

  return (
    <Stack gap="lg">
      <Totals analysis={analysis} />

      <SectionCard
        id="distribution-heading"
        title="Category distribution"
        description="Issues count each issue once per category; instances count every application, so multi-label issues add up to more than the issues."
      >
        <Stack gap="md">
          <SegmentedControl
            size="xs"
            style={{ alignSelf: 'flex-start' }}
            aria-label="Distribution rows"
            value={shownLevel}
            onChange={(value) => setLevel(value as Level)}
            data={[
              ...(hierarchical ? [{ value: 'themes', label: `Top-level themes (${distribution.perTheme.length})` }] : []),
              { value: 'codes', label: `Codes (${distribution.perCode.length})` },
              { value: 'repositories', label: `Repositories (${distribution.perRepository.length})` },
            ]}
          />
          {shownLevel === 'repositories' ? (
            <RepositoryTable rows={distribution.perRepository} themes={distribution.perTheme} />
          ) : (
            <>
              <DistributionTable
                key={shownLevel}
                rows={chartRows}
                rowLabel={shownLevel === 'themes' ? 'Theme' : 'Code'}
                coders={analysis.coders}
              />
              <SimpleGrid cols={{ base: 1, lg: hierarchical ? 2 : 1 }} spacing="lg">
                <DistributionBars rows={chartRows} />
                {hierarchical ? (
                  <DistributionTreemap codes={analysis.codes} perCode={distribution.perCode} perTheme={distribution.perTheme} />
                ) : null}
              </SimpleGrid>
            </>
          )}
        </Stack>
      </SectionCard>

      <SectionCard id="time-heading" title="Resolution time">
        <ResolutionTimeSection analysis={analysis} />
      </SectionCard>

      <SectionCard
        id="methods-heading"
        title="Methods summary"
        description="Inter-rater agreement per stage and round, from the Agreement page's computation."
      >
        <MethodsSummary methods={analysis.methods} />
      </SectionCard>

      <SectionCard id="notes-heading" title="How this was counted">
        <List size="sm" spacing={4}>
          {analysis.notes.map((note) => (
            <List.Item key={note}>{note}</List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed" mt="sm">
          Generated {new Date(analysis.meta.generatedAt).toLocaleString()} by Concord {analysis.meta.concordVersion}.
        </Text>
      </SectionCard>
    </Stack>
  );
}
