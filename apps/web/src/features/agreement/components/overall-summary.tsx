// The overall numbers of a report: the headline kappa (Cohen's for two coders, else Fleiss') with
// its 95% CI and Landis & Koch band, then the other coefficients side by side.
import type { ReactNode } from 'react';
import { Badge, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { AgreementReport, Statistic } from '@concord/contracts';
import { plural } from '../../../lib/format.ts';
import { bandColor, formatCoefficient, formatInterval, formatPercent, KAPPA_NAME } from './agreement-format.ts';
import { StatValue } from './stat-value.tsx';

function StatTile({
  label,
  hint,
  statistic,
  format,
  testId,
}: {
  label: string;
  hint: ReactNode;
  statistic: Statistic;
  format: (value: number) => string;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="md">
      {/* Not uppercased: a capital α or κ reads as a Latin A or K. */}
      <Text size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <StatValue fw={700} fz={24} lh={1.3} value={statistic.value} format={format} reason={statistic.reason} data-testid={testId}>
        {label}
      </StatValue>
      <Text size="xs" c="dimmed">
        {hint}
        {statistic.value !== null ? ` · n = ${statistic.n}` : ''}
      </Text>
    </Paper>
  );
}

export function OverallSummary({ report }: { report: AgreementReport }) {
  const { overall, n } = report;
  const kappa = overall.kappa;
  const kappaName = KAPPA_NAME[kappa.coefficient];
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="overall-heading">
      <Title order={2} fz="h4" id="overall-heading" mb={4}>
        Overall agreement
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {plural(n.issues, 'issue')} coded by at least two coders ({plural(n.codings, 'coding')}) among{' '}
        {plural(report.coders.length, 'coder')}
        {n.singleCoded > 0 ? `; ${plural(n.singleCoded, 'issue')} coded only once left out` : ''}.
      </Text>
      <Stack gap="md">
        <Paper withBorder radius="md" p="md" bg="var(--mantine-color-default-hover)">
          <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
            <div>
              <Text size="sm" fw={600}>
                {kappaName}
                <Text span size="sm" c="dimmed" fw={400}>
                  {kappa.coefficient === 'cohen' ? ' (two coders)' : ' (more than two coders)'}
                </Text>
              </Text>
              <Group gap="sm" align="baseline" wrap="wrap">
                <StatValue
                  fw={800}
                  fz={40}
                  lh={1.1}
                  value={kappa.value}
                  format={formatCoefficient}
                  reason={kappa.reason}
                  data-testid="headline-kappa"
                >
                  {kappaName}
                </StatValue>
                {kappa.band ? (
                  <Badge size="lg" variant="light" color={bandColor(kappa.band)}>
                    {kappa.band}
                  </Badge>
                ) : null}
              </Group>
            </div>
            <Stack gap={2} align="flex-end" style={{ textAlign: 'right' }}>
              <Text size="sm">
                95% CI{' '}
                <Text span ff="monospace" fw={600} data-testid="headline-ci">
                  {kappa.ci95 ? formatInterval(kappa.ci95) : '—'}
                </Text>
              </Text>
              <Text size="sm" c="dimmed">
                n = {kappa.n}
                {kappa.observed !== null ? ` · observed ${formatCoefficient(kappa.observed)}` : ''}
                {kappa.expected !== null ? ` · by chance ${formatCoefficient(kappa.expected)}` : ''}
              </Text>
              {kappa.ci95 === null && kappa.value !== null ? (
                <Text size="xs" c="dimmed">
                  {kappa.coefficient === 'fleiss' ? "No confidence interval for Fleiss' κ." : 'No confidence interval for this selection.'}
                </Text>
              ) : null}
            </Stack>
          </Group>
        </Paper>
        <SimpleGrid cols={{ base: 2, md: overall.meanJaccard ? 5 : 4 }}>
          <StatTile
            label="Percent agreement"
            hint="issues coded identically"
            statistic={overall.percentAgreement}
            format={formatPercent}
            testId="percent-agreement"
          />
          <StatTile label="Fleiss' κ" hint="any number of coders" statistic={overall.fleissKappa} format={formatCoefficient} />
          <StatTile
            label="Krippendorff's α"
            hint={overall.krippendorffAlpha.distance === 'masi' ? 'MASI distance (code sets)' : 'nominal'}
            statistic={overall.krippendorffAlpha}
            format={formatCoefficient}
          />
          <StatTile label="Gwet's AC1" hint="robust to skewed prevalence" statistic={overall.gwetAC1} format={formatCoefficient} />
          {overall.meanJaccard ? (
            <StatTile label="Mean Jaccard" hint="overlap of code sets" statistic={overall.meanJaccard} format={formatCoefficient} />
          ) : null}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
