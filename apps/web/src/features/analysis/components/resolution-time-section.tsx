// Resolution time per theme or code (box plots, linear or log axis, and the numbers as a table),
// then the tests: relevant vs not relevant issues (Mann–Whitney U, Cliff's delta, Vargha–Delaney
// A) and across themes (Kruskal–Wallis H with epsilon², Dunn's pairwise tests with Holm).
import { useState } from 'react';
import { Badge, Group, SegmentedControl, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import type { Analysis, CategoryTime, Summary } from '@concord/contracts';
import { BoxPlot } from './box-plot.tsx';
import { codeLabel, formatDays, formatP, formatStatistic } from './analysis-format.ts';

function TimeTable({ rows, rowLabel }: { rows: { id: string; label: string; time: Summary }[]; rowLabel: string }) {
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={4} fz="sm" aria-label={`Resolution time per ${rowLabel.toLowerCase()} in days`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{rowLabel}</Table.Th>
            {['n', 'Median', 'Q1', 'Q3', 'IQR'].map((header) => (
              <Table.Th key={header} scope="col" ta="right">
                {header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} data-testid="time-row" data-code-id={row.id}>
              <Table.Th scope="row" fw={400}>
                {row.label}
              </Table.Th>
              <Table.Td ta="right" ff="monospace" data-column="n">
                {row.time.n}
              </Table.Td>
              <Table.Td ta="right" ff="monospace" data-column="median">
                {formatDays(row.time.median)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatDays(row.time.q1)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatDays(row.time.q3)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatDays(row.time.iqr)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ff="monospace" fw={600} data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
}

function RelevanceTest({ relevance }: { relevance: Analysis['resolutionTime']['relevance'] }) {
  if (!relevance.screeningStage) {
    return (
      <Text size="sm" c="dimmed">
        {relevance.reason}
      </Text>
    );
  }
  const mw = relevance.mannWhitney;
  return (
    <Stack gap={6}>
      <Text size="sm">
        From the screening stage “{relevance.screeningStage.name}”: relevant = “{relevance.relevantCode?.name}”. {relevance.openExcluded}{' '}
        open issue(s) left out.
      </Text>
      <TimeTable
        rowLabel="Group"
        rows={[
          { id: 'relevant', label: 'Relevant', time: relevance.relevant },
          { id: 'not-relevant', label: 'Not relevant', time: relevance.notRelevant },
        ]}
      />
      {mw.value === null ? (
        <Text size="sm" c="dimmed">
          Mann–Whitney U not computed: {mw.reason}
        </Text>
      ) : (
        <Group gap="lg" wrap="wrap">
          <Fact label="Mann–Whitney U" value={formatStatistic(mw.value, 1)} testId="mann-whitney-u" />
          <Fact label="p" value={`${formatP(mw.p)} (${mw.method})`} testId="mann-whitney-p" />
          <Fact label="Cliff’s δ" value={formatStatistic(relevance.cliffsDelta.value, 3)} testId="cliffs-delta" />
          {relevance.cliffsDelta.magnitude ? <Badge variant="light">{relevance.cliffsDelta.magnitude}</Badge> : null}
          <Fact label="Vargha–Delaney A" value={formatStatistic(relevance.varghaDelaneyA.value, 3)} />
        </Group>
      )}
    </Stack>
  );
}

function ThemeTests({ analysis }: { analysis: Analysis }) {
  const { kruskalWallis: kw, dunn, dunnReason, multiThemeIssues } = analysis.resolutionTime.themes;
  const nameOf = new Map(analysis.codes.map((code) => [code.id, code.name]));
  return (
    <Stack gap={6}>
      {kw.value === null ? (
        <Text size="sm" c="dimmed">
          Kruskal–Wallis not computed: {kw.reason}
        </Text>
      ) : (
        <Group gap="lg" wrap="wrap">
          <Fact label={`Kruskal–Wallis H(${kw.df})`} value={formatStatistic(kw.value)} testId="kruskal-wallis-h" />
          <Fact label="p" value={formatP(kw.p)} testId="kruskal-wallis-p" />
          <Fact label="ε²" value={formatStatistic(kw.epsilonSquared, 3)} />
          <Fact label="n" value={`${kw.n} in ${kw.k} themes`} />
        </Group>
      )}
      <Text size="xs" c="dimmed">
        {multiThemeIssues} closed issue(s) carry more than one theme and are in each of their groups.
      </Text>
      {dunn.length > 0 ? (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={4} fz="sm" aria-label="Dunn's pairwise comparisons, Holm-adjusted">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Theme A</Table.Th>
                <Table.Th scope="col">Theme B</Table.Th>
                <Table.Th scope="col" ta="right">
                  z
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  p
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  p (Holm)
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dunn.map((row) => (
                <Table.Tr key={`${row.themeA}:${row.themeB}`}>
                  <Table.Td>{nameOf.get(row.themeA)}</Table.Td>
                  <Table.Td>{nameOf.get(row.themeB)}</Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {formatStatistic(row.z)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {formatP(row.p)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" fw={row.pAdjusted < 0.05 ? 700 : 400}>
                    {formatP(row.pAdjusted)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : dunnReason ? (
        <Text size="sm" c="dimmed">
          Dunn’s test not computed: {dunnReason}
        </Text>
      ) : null}
    </Stack>
  );
}

const toRows = (rows: CategoryTime[]) => rows.map((row) => ({ id: row.code.id, label: codeLabel(row.code), time: row.time }));

export function ResolutionTimeSection({ analysis }: { analysis: Analysis }) {
  const time = analysis.resolutionTime;
  const [level, setLevel] = useState<'themes' | 'codes'>('themes');
  const [log, setLog] = useState(false);
  const rows = toRows(level === 'themes' ? time.perTheme : time.perCode);
  const rowLabel = level === 'themes' ? 'Theme' : 'Code';
  return (
    <Stack gap="md">
      <Text size="sm" data-testid="time-counts">
        {time.closedIssues} closed issues measured; {time.openIssues} open issues left out. Days from opening to closing.
      </Text>
      <Group gap="md" wrap="wrap">
        <SegmentedControl
          size="xs"
          aria-label="Resolution time rows"
          value={level}
          onChange={(value) => setLevel(value === 'codes' ? 'codes' : 'themes')}
          data={[
            { value: 'themes', label: 'Top-level themes' },
            { value: 'codes', label: 'Codes' },
          ]}
        />
        <Switch label="Log scale" checked={log} onChange={(event) => setLog(event.currentTarget.checked)} />
      </Group>
      <BoxPlot rows={rows} log={log} label={`Box plots of resolution time per ${rowLabel.toLowerCase()}, in days`} />
      <TimeTable rows={rows} rowLabel={rowLabel} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="xs" component="section" aria-labelledby="relevance-heading">
          <Title order={3} fz="h5" id="relevance-heading">
            Relevant vs not relevant
          </Title>
          <RelevanceTest relevance={time.relevance} />
        </Stack>
        <Stack gap="xs" component="section" aria-labelledby="themes-test-heading">
          <Title order={3} fz="h5" id="themes-test-heading">
            Across themes
          </Title>
          <ThemeTests analysis={analysis} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
