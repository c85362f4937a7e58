// The methods summary as one pasteable sentence per stage: the headline kappa of each round with
// its CI and n, numbers only (no verbal bands, which a paper should choose to quote or not).
import type { MethodsRow } from '@concord/contracts';
import { fixed } from './analysis-format.ts';

export function coefficientName(row: MethodsRow): string {
  return row.kappa.coefficient === 'cohen' ? 'Cohen’s κ' : 'Fleiss’ κ';
}

function roundClause(row: MethodsRow): string {
  const ci = row.kappa.ci95 ? `95% CI ${fixed(row.kappa.ci95[0])}–${fixed(row.kappa.ci95[1])}, ` : '';
  return `${coefficientName(row)} = ${fixed(row.kappa.value)} (${ci}n = ${row.kappa.n} issues) in round ${row.round} (“${row.roundName}”)`;
}

export function methodsSentence(rows: MethodsRow[]): string {
  const byStage = new Map<string, MethodsRow[]>();
  for (const row of rows) if (row.kappa.value !== null) byStage.set(row.stage.name, [...(byStage.get(row.stage.name) ?? []), row]);
  if (byStage.size === 0) return 'No round has double-coded issues yet, so no agreement can be reported.';
  return [...byStage]
    .map(([stage, stageRows]) => {
      const clauses = stageRows.map(roundClause);
      const list = clauses.length > 1 ? `${clauses.slice(0, -1).join(', ')} and ${clauses.at(-1)}` : clauses[0];
      return `In stage “${stage}”, inter-rater agreement was ${list}.`;
    })
    .join(' ');
}
