// One stage's agreement report laid out: overall numbers, per-code (or per-theme) table, coder
// pairs, the confusion matrix of single-choice stages, kappa per round and the method. Cells
// where coders differ open the issues behind them.
import { useMemo, useState } from 'react';
import { NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import type { AgreementReport, CodeRef, RoundAgreement } from '@concord/contracts';
import { StatusMessage } from '../../../components/ui/status-message.tsx';
import { plural } from '../../../lib/format.ts';
import { BandLegend } from './band-legend.tsx';
import { CodeAgreementTable } from './code-agreement-table.tsx';
import { ConfusionHeatmap, type ConfusionCell } from './confusion-heatmap.tsx';
import { DisagreementsDrawer, type DisagreementTarget } from './disagreements-drawer.tsx';
import { MethodSection } from './method-section.tsx';
import { OverallSummary } from './overall-summary.tsx';
import { PairHeatmap } from './pair-heatmap.tsx';
import { RoundsChart } from './rounds-chart.tsx';
import { SectionCard } from '../../../components/ui/section-card.tsx';

interface AgreementReportViewProps {
  projectId: string;
  report: AgreementReport;
  /** Every round of the stage, for the chart, even when the report is about one of them. */
  rounds: RoundAgreement[];
  csvUrl: string;
}

/** Why nothing could be computed, in the report's own words, each reason once. */
function reasonsOf(report: AgreementReport): string[] {
  const { overall } = report;
  const reasons = [
    overall.kappa,
    overall.percentAgreement,
    overall.fleissKappa,
    overall.krippendorffAlpha,
    overall.gwetAC1,
    overall.meanJaccard,
  ]
    .map((statistic) => statistic?.reason)
    .filter((reason): reason is string => Boolean(reason));
  return [...new Set(reasons)];
}

export function AgreementReportView({ projectId, report, rounds, csvUrl }: AgreementReportViewProps) {
  const [target, setTarget] = useState<DisagreementTarget | null>(null);
  const [view, setView] = useState<'codes' | 'themes'>('codes');
  const [pairKey, setPairKey] = useState<string | null>(null);
  const codeById = useMemo(() => new Map(report.codes.map((code) => [code.id, code])), [report.codes]);
  const coderById = useMemo(() => new Map(report.coders.map((coder) => [coder.id, coder])), [report.coders]);
  const roundQuery = report.round === null ? {} : { round: report.round };
  const multi = report.stage.mode === 'multi';

  const confusionPairs = report.pairs.filter((pair) => pair.confusion !== null && pair.n > 0);
  const selectedPair = confusionPairs.find((pair) => `${pair.coderA}:${pair.coderB}` === pairKey) ?? confusionPairs[0];
  const pairLabel = (coderA: string, coderB: string) =>
    `${coderById.get(coderA)?.name ?? 'Unknown'} × ${coderById.get(coderB)?.name ?? 'Unknown'}`;

  function openCell(cell: ConfusionCell) {
    setTarget({
      title: `${cell.codeA.name} / ${cell.codeB.name}`,
      description: `Issues where ${cell.coderA.name} chose ${cell.codeA.name} and ${cell.coderB.name} chose ${cell.codeB.name}.`,
      query: { ...roundQuery, coderA: cell.coderA.id, coderB: cell.coderB.id, codeA: cell.codeA.id, codeB: cell.codeB.id },
    });
  }

  function openCode(code: CodeRef) {
    setTarget({
      title: code.name,
      description: `Issues where one coder applied “${code.path.join(' › ') || code.name}” and another did not.`,
      query: { ...roundQuery, code: code.id },
    });
  }

  const method = <MethodSection report={report} csvUrl={csvUrl} />;

  // Honest emptiness: the report's reasons, not a page of zeros.
  if (report.n.issues === 0) {
    const reasons = reasonsOf(report);
    return (
      <Stack gap="lg">
        <StatusMessage order={2} icon={<IconUsersGroup />} title="No double-coded issues yet" color="gray">
          <Text>Agreement compares coders on the same issues; no issue here has been coded by two coders yet.</Text>
          {reasons.length > 0 ? (
            <Stack component="ul" gap={4} mt="xs" p={0} style={{ listStyle: 'none' }} aria-label="Why there are no numbers">
              {reasons.map((reason) => (
                <Text component="li" size="sm" key={reason}>
                  {reason}
                </Text>
              ))}
            </Stack>
          ) : null}
          {report.n.singleCoded > 0 ? (
            <Text size="sm" c="dimmed" mt="xs">
              {plural(report.n.singleCoded, 'issue')} coded by a single coder so far.
            </Text>
          ) : null}
        </StatusMessage>
        {method}
      </Stack>
    );
  }

  const showThemes = view === 'themes' && report.perTheme.length > 0;

  return (
    <Stack gap="lg">
      <OverallSummary report={report} />

      <SectionCard
        id="per-code-heading"
        title={showThemes ? 'Agreement per theme' : 'Agreement per code'}
        description={
          showThemes
            ? 'Codes rolled up to their top-level theme: a theme is present on an issue when any of its codes is.'
            : multi
              ? 'Presence or absence of each code on each issue. Select a code to see the issues where the coders differ on it.'
              : 'Each code as a one-versus-rest category.'
        }
      >
        {report.perTheme.length > 0 ? (
          <SegmentedControl
            mb="md"
            style={{ alignSelf: 'flex-start' }}
            size="xs"
            aria-label="Rows"
            value={view}
            onChange={(value) => setView(value === 'themes' ? 'themes' : 'codes')}
            data={[
              { value: 'codes', label: `Codes (${report.perCode.length})` },
              { value: 'themes', label: `Top-level themes (${report.perTheme.length})` },
            ]}
          />
        ) : null}
        {showThemes ? (
          <CodeAgreementTable key="themes" rows={report.perTheme} caption="Agreement per theme" rowLabel="Theme" />
        ) : report.perCode.length === 0 ? (
          <Text size="sm" c="dimmed">
            This stage's codebook has no codes.
          </Text>
        ) : (
          <CodeAgreementTable key="codes" rows={report.perCode} caption="Agreement per code" onOpenCode={multi ? openCode : undefined} />
        )}
      </SectionCard>

      <SectionCard
        id="pairs-heading"
        title="Coder pairs"
        description={
          multi ? "Cohen's κ for every two coders, on whole code sets." : "Cohen's κ for every two coders, on the issues both coded."
        }
      >
        <Stack gap="sm">
          <PairHeatmap report={report} />
          <BandLegend />
        </Stack>
      </SectionCard>

      {!multi && selectedPair ? (
        <SectionCard
          id="confusion-heading"
          title="Confusion matrix"
          description="How often one coder's code met the other's on the same issue. Select an off-diagonal count to see those issues."
        >
          <Stack gap="sm">
            {confusionPairs.length > 1 ? (
              <NativeSelect
                label="Coder pair"
                w={{ base: '100%', sm: 320 }}
                value={`${selectedPair.coderA}:${selectedPair.coderB}`}
                onChange={(event) => setPairKey(event.currentTarget.value)}
                data={confusionPairs.map((pair) => ({
                  value: `${pair.coderA}:${pair.coderB}`,
                  label: pairLabel(pair.coderA, pair.coderB),
                }))}
              />
            ) : null}
            <ConfusionHeatmap
              pair={selectedPair}
              coderA={coderById.get(selectedPair.coderA) ?? { id: selectedPair.coderA, name: 'Unknown coder' }}
              coderB={coderById.get(selectedPair.coderB) ?? { id: selectedPair.coderB, name: 'Unknown coder' }}
              codeById={codeById}
              onOpenCell={openCell}
            />
          </Stack>
        </SectionCard>
      ) : null}

      {rounds.length > 0 ? (
        <SectionCard
          id="rounds-heading"
          title="Agreement per round"
          description="The headline κ of each round with its 95% confidence interval."
        >
          <RoundsChart rounds={rounds} />
        </SectionCard>
      ) : null}

      {method}

      <DisagreementsDrawer
        projectId={projectId}
        stageId={report.stage.id}
        target={target}
        coders={report.coders}
        codeById={codeById}
        onClose={() => setTarget(null)}
      />
    </Stack>
  );
}
