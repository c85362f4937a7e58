// Turns a stage's submitted codings into the agreement report: pure, no I/O, so that it can be
// tested on hand-made data and timed apart from the database. Statistics come from
// @concord/agreement; this module decides what is compared with what. Codes and coders are
// encoded as small integers once, and per-code agreement is counted in one pass into the count
// tables the library accepts, so a study of 150,000 codings stays fast.
import {
  cohenKappa,
  cohenKappaFromTable,
  fleissKappa,
  fleissKappaFromCounts,
  gwetAC1,
  krippendorffAlpha,
  masiDistance,
  meanJaccard,
  percentAgreement,
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
  /** Every coder who appears in `codings`, in display order. */
  coders: CoderRef[];
  /** The rounds in scope, in order. */
  rounds: ReportRound[];
  codings: CodingRow[];
  round: number | null;
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

function fromCohen(result: KappaResult, reason = result.reason): Kappa {
  return {
    ...statistic({ ...result, reason }),
    coefficient: 'cohen',
    se: result.se,
    ci95: result.ci95,
    seH0: result.seH0,
    observed: result.observed,
    expected: result.expected,
    band: landisKochBand(result.value),
  };
}

function fromFleiss(result: FleissKappaResult, reason = result.reason): Kappa {
  return {
    ...statistic({ ...result, reason }),
    coefficient: 'fleiss',
    se: null,
    ci95: null,
    seH0: result.seH0,
    observed: result.observed,
    expected: result.expected,
    band: landisKochBand(result.value),
  };
}

/** A coder's codes on an issue as sorted code indexes; null where the coder did not code it. */
type CodeSet = number[] | null;

interface Encoded {
  mode: 'single' | 'multi';
  /** The coders who coded at least one compared issue. */
  coders: CoderRef[];
  /** Compared issues (coded by at least two coders) × coders. */
  sets: CodeSet[][];
  /**
   * The same cells as nominal labels: the code index in single-choice stages ("cannot decide",
   * a coding without a code, is missing); in multi-label stages an id per distinct code set,
   * for coefficients defined on labels (exact-set agreement).
   */
  labels: LabelCell[][];
  singleCoded: number;
  /** Codings of the compared issues. */
  codings: number;
}

function encode(input: ReportInput, codings: CodingRow[]): Encoded {
  const coderIndex = new Map(input.coders.map((coder, i) => [coder.id, i]));
  const codeIndex = new Map(input.codes.map((code, i) => [code.id, i]));
  // Later rounds overwrite earlier ones: a coder who coded an issue twice counts with the later round.
  const ordered = codings.every((coding, i) => i === 0 || codings[i - 1]!.round <= coding.round)
    ? codings
    : [...codings].sort((a, b) => a.round - b.round);
  const rows = new Map<string, CodeSet[]>();
  for (const coding of ordered) {
    let row = rows.get(coding.issueId);
    if (!row) rows.set(coding.issueId, (row = input.coders.map(() => null)));
    const set = coding.codeIds.map((id) => codeIndex.get(id)!);
    row[coderIndex.get(coding.coderId)!] = set.length > 1 ? set.sort((a, b) => a - b) : set;
  }
  const compared: CodeSet[][] = [];
  let comparedCodings = 0;
  for (const row of rows.values()) {
    let coded = 0;
    for (const set of row) if (set !== null) coded++;
    if (coded < 2) continue;
    compared.push(row);
    comparedCodings += coded;
  }
  const present = input.coders.map((_, c) => compared.some((row) => row[c] !== null));
  const sets = present.every(Boolean) ? compared : compared.map((row) => row.filter((_, c) => present[c]));
  const label = input.stage.mode === 'single' ? singleLabel : setLabeller(input.codes.length);
  return {
    mode: input.stage.mode,
    coders: input.coders.filter((_, c) => present[c]),
    sets,
    labels: sets.map((row) => row.map(label)),
    singleCoded: rows.size - compared.length,
    codings: comparedCodings,
  };
}

// "Cannot decide" (a single-choice coding without a code) is missing.
const singleLabel = (set: CodeSet): LabelCell => (set && set.length > 0 ? set[0]! : null);

/** Numbers each distinct code set: a single code is its own index, others get ids after those. */
function setLabeller(codeCount: number): (set: CodeSet) => LabelCell {
  const ids = new Map<string, number>();
  return (set) => {
    if (set === null) return null;
    if (set.length === 1) return set[0]!;
    const key = set.join(',');
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = codeCount + ids.size));
    return id;
  };
}

const column = <C>(rows: C[][], index: number): C[] => rows.map((row) => row[index]!);

function overall(e: Encoded): OverallAgreement {
  const fleiss = fleissKappa(e.labels);
  return {
    kappa: e.coders.length === 2 ? fromCohen(cohenKappa(column(e.labels, 0), column(e.labels, 1))) : fromFleiss(fleiss),
    // Labels are equal exactly when the code sets are, and cost less to compare.
    percentAgreement: statistic(percentAgreement(e.labels)),
    fleissKappa: statistic(fleiss),
    krippendorffAlpha:
      e.mode === 'single'
        ? { ...statistic(krippendorffAlpha(e.labels, { level: 'nominal' })), distance: 'nominal' }
        : { ...statistic(krippendorffAlpha(e.sets, { distance: masiDistance })), distance: 'masi' },
    gwetAC1: statistic(gwetAC1(e.labels)),
    meanJaccard: e.mode === 'multi' ? statistic(meanJaccard(e.sets)) : null,
  };
}

function pairs(e: Encoded, codes: ReportCode[]): PairAgreement[] {
  const result: PairAgreement[] = [];
  for (let i = 0; i < e.coders.length; i++) {
    for (let j = i + 1; j < e.coders.length; j++) {
      const a = column(e.labels, i);
      const b = column(e.labels, j);
      const kappa = cohenKappa(a, b);
      result.push({
        coderA: e.coders[i]!.id,
        coderB: e.coders[j]!.id,
        n: kappa.n,
        // Over the issues both coded, percent agreement is kappa's observed agreement.
        percentAgreement: statistic({ value: kappa.observed, n: kappa.n, ...(kappa.observed === null ? { reason: kappa.reason } : {}) }),
        kappa: fromCohen(kappa),
        confusion: e.mode === 'single' ? confusion(a, b, codes) : null,
      });
    }
  }
  return result;
}

/** Issues both coders gave a code, counted by (first coder's code, second coder's code). */
function confusion(a: LabelCell[], b: LabelCell[], codes: ReportCode[]): PairAgreement['confusion'] {
  const both = a.flatMap((label, item) => (label !== null && b[item] !== null ? [[label as number, b[item] as number] as const] : []));
  const used = [...new Set(both.flat())].sort((x, y) => x - y);
  const position = new Map(used.map((code, i) => [code, i]));
  const counts = used.map(() => used.map(() => 0));
  for (const [first, second] of both) counts[position.get(first)!]![position.get(second)!]!++;
  return { codeIds: used.map((code) => codes[code]!.id), counts };
}

/**
 * Presence / absence of each target (a code, or a theme its codes roll up to): Cohen's kappa
 * with CI for two coders, else Fleiss' kappa; counted in one pass over the issues.
 */
function presenceAgreement(
  e: Encoded,
  codes: ReportCode[],
  targetOf: (code: number) => number,
  shown: (code: ReportCode, applied: number) => boolean,
): CodeAgreement[] {
  const m = e.coders.length;
  const targetCount = codes.length;
  const applied = new Int32Array(targetCount);
  // Per issue: how many coders applied each target, and the last coder counted (+1), so that
  // several codes of one theme count once per coding.
  const coders = new Int32Array(targetCount);
  const lastCoder = new Int32Array(targetCount);
  const touched: number[] = [];
  let codings = 0;
  // Two coders: presence tables. More: how many issues had c coders applying the target (c = 0..m).
  const tables = new Int32Array(targetCount * 3); // [first coder only, second coder only, both]
  let pairedIssues = 0;
  const histogram = new Int32Array(targetCount * (m + 1));
  let completeIssues = 0;

  for (const row of e.sets) {
    let coded = 0;
    for (let c = 0; c < m; c++) {
      const set = row[c];
      if (!set) continue;
      coded++;
      codings++;
      for (const code of set) {
        const t = targetOf(code);
        if (lastCoder[t] === c + 1) continue;
        if (coders[t] === 0) touched.push(t);
        lastCoder[t] = c + 1;
        coders[t]!++;
        applied[t]!++;
      }
    }
    if (m === 2 && coded === 2) {
      pairedIssues++;
      for (const t of touched) tables[t * 3 + (coders[t] === 2 ? 2 : lastCoder[t]! - 1)]!++;
    } else if (m > 2 && coded === m) {
      completeIssues++;
      for (const t of touched) histogram[t * (m + 1) + coders[t]!]!++;
    }
    for (const t of touched) coders[t] = lastCoder[t] = 0;
    touched.length = 0;
  }

  return codes.flatMap((reportCode, t) => {
    if (!shown(reportCode, applied[t]!)) return [];
    const code = toCodeRef(reportCode);
    const prevalence = codings ? applied[t]! / codings : null;
    if (m === 2) {
      const [first, second, agreed] = [tables[t * 3]!, tables[t * 3 + 1]!, tables[t * 3 + 2]!];
      const neither = pairedIssues - first - second - agreed;
      // Rows: first coder absent / present; columns: second coder absent / present.
      const result = cohenKappaFromTable([
        [neither, second],
        [first, agreed],
      ]);
      return {
        code,
        prevalence,
        kappa: fromCohen(result, result.value === null ? presenceReason(code, pairedIssues, first + second + agreed) : undefined),
      };
    }
    const rows = Array.from({ length: m + 1 }, (_, c) => [m - c, c]);
    const weights = Array.from({ length: m + 1 }, (_, c) => histogram[t * (m + 1) + c]!);
    weights[0] = completeIssues - weights.reduce((sum, w) => sum + w, 0);
    const result = fleissKappaFromCounts(rows, { weights });
    const used = completeIssues - weights[0]!;
    return { code, prevalence, kappa: fromFleiss(result, result.value === null ? presenceReason(code, completeIssues, used) : undefined) };
  });
}

function presenceReason(code: CodeRef, issues: number, applied: number): string {
  if (issues === 0) return 'no issue was coded by every coder compared';
  return applied === 0
    ? `"${code.name}" was never applied on the ${issues} issues compared, so kappa is undefined`
    : `"${code.name}" was applied by every coder to every issue compared, so kappa is undefined`;
}

function perCodeAndTheme(input: ReportInput, e: Encoded) {
  const parents = new Set(input.codes.map((code) => code.parentId));
  // Retired codes, and parents that cannot be applied, appear only where codings still use them.
  const codable = (code: ReportCode) => !code.retired && (input.parentCodesCodable || !parents.has(code.id));
  const perCode = presenceAgreement(
    e,
    input.codes,
    (code) => code,
    (code, applied) => codable(code) || applied > 0,
  );
  if (!input.codes.some((code) => code.parentId)) return { perCode, perTheme: [] };

  const index = new Map(input.codes.map((code, i) => [code.id, i]));
  const theme = input.codes.map((code) => {
    let top = code;
    while (top.parentId) top = input.codes[index.get(top.parentId)!]!;
    return index.get(top.id)!;
  });
  const perTheme = presenceAgreement(
    e,
    input.codes,
    (code) => theme[code]!,
    (code, applied) => code.parentId === null && (!code.retired || applied > 0),
  );
  return { perCode, perTheme };
}

function toCodeRef({ parentId: _parentId, ...code }: ReportCode): CodeRef {
  return code;
}

export function buildAgreementReport(input: ReportInput): AgreementReport {
  const encoded = encode(input, input.codings);
  const whole = overall(encoded);
  const { perCode, perTheme } = perCodeAndTheme(input, encoded);
  const codedRounds = new Set(input.codings.map((coding) => coding.round));
  const roundsWithCodings = input.rounds.filter((round) => codedRounds.has(round.number));
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
    coders: encoded.coders,
    codes: input.codes.map(toCodeRef),
    n: {
      issues: encoded.sets.length,
      codings: encoded.codings,
      singleCoded: encoded.singleCoded,
    },
    overall: whole,
    pairs: pairs(encoded, input.codes),
    perCode,
    perTheme,
    // With one round the round's numbers are the whole report's: computed once.
    rounds: roundsWithCodings.map((round) => ({
      ...round,
      overall:
        roundsWithCodings.length === 1
          ? whole
          : overall(
              encode(
                input,
                input.codings.filter((coding) => coding.round === round.number),
              ),
            ),
    })),
  };
}
