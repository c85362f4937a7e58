// Turns a stage's submitted codings into the agreement report: pure, no I/O, so that it can be
// tested on hand-made data and timed apart from the database. Statistics come from
// @concord/agreement; this module decides what is compared with what.
import {
  cohenKappa,
  fleissKappa,
  gwetAC1,
  krippendorffAlpha,
  masiDistance,
  meanJaccard,
  percentAgreement,
  perCodeKappa,
  type FleissKappaResult,
  type KappaResult,
  type LabelCell,
} from '@concord/agreement';
import type {
  AgreementReport,
  CodeAgreement,
  CodeRef,
  CoderRef,
  Kappa,
  OverallAgreement,
  PairAgreement,
  Statistic,
} from '@concord/contracts';

export const LIBRARY = { name: '@concord/agreement', version: '0.1.0' };

export interface ReportCode extends CodeRef {
  parentId: string | null;
}

export interface ReportRound {
  number: number;
  name: string;
  status: 'draft' | 'open' | 'closed';
  codebookVersion: number;
}

/** One submitted coding: the codes a coder applied to an issue in a round (`[]`: none applies). */
export interface CodingRow {
  issueId: string;
  coderId: string;
  round: number;
  codeIds: string[];
}

export interface ReportInput {
  stage: AgreementReport['stage'];
  /** Whether coders may apply codes that have children; if not, those only appear as themes. */
  parentCodesCodable: boolean;
  /** The whole codebook in tree order (parents before children, siblings by position). */
  codes: ReportCode[];
  coders: CoderRef[];
  /** The rounds in scope, in order. */
  rounds: ReportRound[];
  codings: CodingRow[];
  round: number | null;
}

/** Issue → coder → codes, keeping each coder's latest round for an issue coded twice. */
type CodingsByIssue = Map<string, Map<string, string[]>>;

function groupByIssue(codings: CodingRow[]): CodingsByIssue {
  const byIssue: CodingsByIssue = new Map();
  const roundOf = new Map<string, number>();
  for (const coding of codings) {
    const key = `${coding.issueId}:${coding.coderId}`;
    if ((roundOf.get(key) ?? 0) > coding.round) continue;
    roundOf.set(key, coding.round);
    let coders = byIssue.get(coding.issueId);
    if (!coders) byIssue.set(coding.issueId, (coders = new Map()));
    coders.set(coding.coderId, coding.codeIds);
  }
  return byIssue;
}

// Landis & Koch (1977), the bands most methods sections quote.
export function landisKochBand(value: number | null): Kappa['band'] {
  if (value === null) return null;
  if (value < 0) return 'poor';
  if (value <= 0.2) return 'slight';
  if (value <= 0.4) return 'fair';
  if (value <= 0.6) return 'moderate';
  if (value <= 0.8) return 'substantial';
  return 'almost perfect';
}

function statistic(result: { value: number | null; n: number; reason?: string }): Statistic {
  return { value: result.value, n: result.n, ...(result.reason ? { reason: result.reason } : {}) };
}

function fromCohen(result: KappaResult): Kappa {
  return {
    ...statistic(result),
    coefficient: 'cohen',
    se: result.se,
    ci95: result.ci95,
    seH0: result.seH0,
    observed: result.observed,
    expected: result.expected,
    band: landisKochBand(result.value),
  };
}

function fromFleiss(result: FleissKappaResult): Kappa {
  return {
    ...statistic(result),
    coefficient: 'fleiss',
    se: null,
    ci95: null,
    seH0: result.seH0,
    observed: result.observed,
    expected: result.expected,
    band: landisKochBand(result.value),
  };
}

const column = <C>(rows: C[][], index: number): C[] => rows.map((row) => row[index]!);
// A whole code set as one nominal label, for coefficients defined on labels (exact-set agreement).
const setLabel = (codes: CodeIdSet): LabelCell => (codes === null ? null : [...codes].sort().join('+'));

/** Code ids a coder applied; null where the coder did not code the issue. */
type CodeIdSet = string[] | null;

interface Matrices {
  coders: CoderRef[];
  /** issues × coders */
  sets: CodeIdSet[][];
  issueIds: string[];
}

function matricesFor(byIssue: CodingsByIssue, allCoders: CoderRef[]): Matrices {
  const compared = [...byIssue.entries()].filter(([, coders]) => coders.size >= 2);
  const present = new Set(compared.flatMap(([, coders]) => [...coders.keys()]));
  const coders = allCoders.filter((coder) => present.has(coder.id));
  return {
    coders,
    issueIds: compared.map(([issueId]) => issueId),
    sets: compared.map(([, byCoder]) => coders.map((coder) => byCoder.get(coder.id) ?? null)),
  };
}

// In single-choice stages a coding holds one code; one without a code ("cannot decide") is missing.
function singleLabels(sets: CodeIdSet[][]): LabelCell[][] {
  return sets.map((row) => row.map((codes) => (codes && codes.length > 0 ? codes[0]! : null)));
}

function overall(mode: 'single' | 'multi', m: Matrices): OverallAgreement {
  const labels = mode === 'single' ? singleLabels(m.sets) : m.sets.map((row) => row.map(setLabel));
  const fleiss = fleissKappa(labels);
  const kappa = m.coders.length === 2 ? fromCohen(cohenKappa(column(labels, 0), column(labels, 1))) : fromFleiss(fleiss);
  return {
    kappa,
    percentAgreement: statistic(percentAgreement(mode === 'single' ? labels : m.sets)),
    fleissKappa: statistic(fleiss),
    krippendorffAlpha:
      mode === 'single'
        ? { ...statistic(krippendorffAlpha(labels, { level: 'nominal' })), distance: 'nominal' }
        : { ...statistic(krippendorffAlpha(m.sets, { distance: masiDistance })), distance: 'masi' },
    gwetAC1: statistic(gwetAC1(labels)),
    meanJaccard: mode === 'multi' ? statistic(meanJaccard(m.sets)) : null,
  };
}

function pairs(mode: 'single' | 'multi', m: Matrices, codeOrder: string[]): PairAgreement[] {
  const result: PairAgreement[] = [];
  for (let i = 0; i < m.coders.length; i++) {
    for (let j = i + 1; j < m.coders.length; j++) {
      const both = m.sets.filter((row) => row[i] !== null && row[j] !== null);
      const a = both.map((row) => row[i]!);
      const b = both.map((row) => row[j]!);
      const labelsA = mode === 'single' ? singleLabels([a])[0]! : a.map(setLabel);
      const labelsB = mode === 'single' ? singleLabels([b])[0]! : b.map(setLabel);
      result.push({
        coderA: m.coders[i]!.id,
        coderB: m.coders[j]!.id,
        n: both.length,
        percentAgreement: statistic(percentAgreement(both.map((row) => [row[i]!, row[j]!]))),
        kappa: fromCohen(cohenKappa(labelsA, labelsB)),
        confusion: mode === 'single' ? confusion(labelsA, labelsB, codeOrder) : null,
      });
    }
  }
  return result;
}

function confusion(a: LabelCell[], b: LabelCell[], codeOrder: string[]): PairAgreement['confusion'] {
  // Labels here are code ids; only issues both coders gave a code count.
  const both = a.flatMap((label, item) => (label !== null && b[item] !== null ? [[String(label), String(b[item])] as const] : []));
  const used = new Set(both.flat());
  const codeIds = codeOrder.filter((id) => used.has(id));
  const index = new Map(codeIds.map((id, i) => [id, i]));
  const counts = codeIds.map(() => codeIds.map(() => 0));
  for (const [first, second] of both) counts[index.get(first)!]![index.get(second)!]!++;
  return { codeIds, counts };
}

/** Presence / absence of each code: Cohen's kappa with CI for two coders, else Fleiss' kappa. */
function presenceAgreement(targets: CodeRef[], sets: CodeIdSet[][], coderCount: number): CodeAgreement[] {
  const codings = sets.flat().filter((codes): codes is string[] => codes !== null);
  return targets.map((code) => {
    const applied = codings.filter((codes) => codes.includes(code.id)).length;
    const kappa =
      coderCount === 2
        ? fromCohen(perCodeKappa(column(sets, 0), column(sets, 1), code.id))
        : fromFleiss(fleissKappa(sets.map((row) => row.map((codes) => (codes === null ? null : codes.includes(code.id) ? 1 : 0)))));
    // The library names the code by its id; the report's readers know it by name.
    if (kappa.reason) kappa.reason = kappa.reason.replace(code.id, code.name);
    return { code, prevalence: codings.length ? applied / codings.length : null, kappa };
  });
}

function themeOf(codes: ReportCode[]): Map<string, string> {
  const byId = new Map(codes.map((code) => [code.id, code]));
  const theme = new Map<string, string>();
  for (const code of codes) {
    let top = code;
    while (top.parentId) top = byId.get(top.parentId)!;
    theme.set(code.id, top.id);
  }
  return theme;
}

function perCodeAndTheme(input: ReportInput, m: Matrices) {
  const used = new Set(m.sets.flat().flatMap((codes) => codes ?? []));
  const parents = new Set(input.codes.map((code) => code.parentId));
  // Retired codes, and parents that cannot be applied, appear only where codings still use them.
  const codable = (code: ReportCode) => !code.retired && (input.parentCodesCodable || !parents.has(code.id));
  const codes = input.codes.filter((code) => codable(code) || used.has(code.id));
  const perCode = presenceAgreement(codes, m.sets, m.coders.length);
  if (!input.codes.some((code) => code.parentId)) return { perCode, perTheme: [] };
  const theme = themeOf(input.codes);
  const themeSets = m.sets.map((row) => row.map((codes) => (codes === null ? null : [...new Set(codes.map((id) => theme.get(id) ?? id))])));
  const themes = input.codes.filter((code) => code.parentId === null && (!code.retired || used.has(code.id)));
  return { perCode, perTheme: presenceAgreement(themes, themeSets, m.coders.length) };
}

export function buildAgreementReport(input: ReportInput): AgreementReport {
  const codeOrder = input.codes.map((code) => code.id);
  const byIssue = groupByIssue(input.codings);
  const m = matricesFor(byIssue, input.coders);
  const { perCode, perTheme } = perCodeAndTheme(input, m);
  const roundsWithCodings = input.rounds.filter((round) => input.codings.some((coding) => coding.round === round.number));
  return {
    stage: input.stage,
    round: input.round,
    method: {
      unit: 'issue',
      included:
        'Submitted codings of the issues coded by at least two coders' +
        (input.round === null
          ? ` in rounds ${roundsWithCodings.map((r) => r.number).join(', ') || '(none)'}`
          : ` in round ${input.round}`) +
        '; a coder who coded an issue in two rounds counts with the later round.',
      missing:
        "Two-coder statistics drop an issue unless both coded it (listwise); Fleiss' kappa uses only issues every coder coded; " +
        "Krippendorff's alpha uses every issue with at least two codings." +
        (input.stage.mode === 'single'
          ? ' A coding without a code ("cannot decide") counts as missing.'
          : ' A coding with no code is the empty set, not missing.'),
      coefficients: [
        "Cohen's kappa for two coders (Fleiss' kappa otherwise), with the Fleiss-Cohen-Everitt (1969) standard error and 95% CI = kappa ± 1.96 SE, not clipped",
        input.stage.mode === 'single'
          ? "Krippendorff's alpha, nominal"
          : "Krippendorff's alpha with the MASI distance (Passonneau 2006); other coefficients compare whole code sets",
        'Per code: kappa on the presence or absence of the code; per theme: codes rolled up to their top-level theme',
        "Gwet's AC1; percent agreement; Landis & Koch (1977) bands",
      ],
      library: LIBRARY,
    },
    coders: m.coders,
    codes: input.codes.map(({ parentId: _parentId, ...code }) => code),
    n: {
      issues: m.issueIds.length,
      codings: m.sets.flat().filter((codes) => codes !== null).length,
      singleCoded: byIssue.size - m.issueIds.length,
    },
    overall: overall(input.stage.mode, m),
    pairs: pairs(input.stage.mode, m, codeOrder),
    perCode,
    perTheme,
    rounds: roundsWithCodings.map((round) => ({
      ...round,
      overall: overall(input.stage.mode, matricesFor(groupByIssue(input.codings.filter((c) => c.round === round.number)), input.coders)),
    })),
  };
}
