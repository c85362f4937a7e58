// Turns a stage's labelled issues into the analysis: category distribution (multi-label aware),
// resolution time per category and the rank tests comparing them. Pure, no I/O: the service
// loads the units and the issues' dates, @concord/statistics does the statistics.
import {
  cliffsDelta,
  dunnTest,
  kruskalWallis,
  mannWhitneyU,
  summarize,
  varghaDelaneyA,
  type Summary as StatisticsSummary,
} from '@concord/statistics';
import type { Analysis, AnalysisCode, CategoryTime, DistributionRow, RelevanceComparison, ThemeComparison } from '@concord/contracts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One final label (coderId null) or one coder's submitted coding of an issue. */
export interface AnalysisUnit {
  issueId: string;
  coderId: string | null;
  codeIds: string[];
}

export interface IssueFacts {
  repository: string;
  createdAt: Date;
  closedAt: Date | null;
}

export type Relevance =
  | {
      screeningStage: { id: string; name: string };
      relevantCode: AnalysisCode;
      /** Screened issues: true when relevant, false when screened out. */
      decisions: Map<string, boolean>;
    }
  | { reason: string };

export interface AnalysisInput {
  /** The stage's codebook in tree order. */
  codes: AnalysisCode[];
  units: AnalysisUnit[];
  /** Facts of every issue in `units` and in the relevance decisions. */
  issues: Map<string, IssueFacts>;
  relevance: Relevance;
}

export type AnalysisCore = Pick<Analysis, 'codes' | 'totals' | 'distribution' | 'resolutionTime'>;

/** Days from opening to closing; null while the issue is open. */
function resolutionDays(issue: IssueFacts): number | null {
  return issue.closedAt ? (issue.closedAt.getTime() - issue.createdAt.getTime()) / DAY_MS : null;
}

function summary(values: number[]): CategoryTime['time'] {
  const { reason, ...numbers }: StatisticsSummary = summarize(values);
  return reason ? { ...numbers, reason } : numbers;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

interface Tally {
  issues: Set<string>;
  instances: number;
  byCoder: Map<string, number>;
}

const newTally = (): Tally => ({ issues: new Set(), instances: 0, byCoder: new Map() });

export function buildAnalysis(input: AnalysisInput): AnalysisCore {
  const codeById = new Map(input.codes.map((code) => [code.id, code]));
  const themeOf = (id: string): string => {
    let code = codeById.get(id)!;
    while (code.parentId) code = codeById.get(code.parentId)!;
    return code.id;
  };
  const themes = input.codes.filter((code) => code.parentId === null);

  const perCode = new Map(input.codes.map((code) => [code.id, newTally()]));
  const perTheme = new Map(themes.map((code) => [code.id, newTally()]));
  // Per issue, the union of its units' codes and themes: what the issue "is" for time and repositories.
  const issueCodes = new Map<string, Set<string>>();
  const issueThemes = new Map<string, Set<string>>();
  const issueInstances = new Map<string, number>();
  let instances = 0;
  let unitsWithoutCode = 0;

  for (const unit of input.units) {
    if (!issueCodes.has(unit.issueId)) {
      issueCodes.set(unit.issueId, new Set());
      issueThemes.set(unit.issueId, new Set());
    }
    if (unit.codeIds.length === 0) unitsWithoutCode++;
    instances += unit.codeIds.length;
    issueInstances.set(unit.issueId, (issueInstances.get(unit.issueId) ?? 0) + unit.codeIds.length);
    for (const codeId of unit.codeIds) {
      const theme = themeOf(codeId);
      for (const tally of [perCode.get(codeId)!, perTheme.get(theme)!]) {
        tally.issues.add(unit.issueId);
        tally.instances++;
        if (unit.coderId) tally.byCoder.set(unit.coderId, (tally.byCoder.get(unit.coderId) ?? 0) + 1);
      }
      issueCodes.get(unit.issueId)!.add(codeId);
      issueThemes.get(unit.issueId)!.add(theme);
    }
  }

  const issueCount = issueCodes.size;
  const row = (code: AnalysisCode, tally: Tally): DistributionRow => ({
    code,
    issues: tally.issues.size,
    issueShare: share(tally.issues.size, issueCount),
    instances: tally.instances,
    instanceShare: share(tally.instances, instances),
    byCoder: [...tally.byCoder].map(([coderId, count]) => ({ coderId, instances: count })),
  });
  // Retired codes appear only where they were applied: history, not the current codebook. So do
  // parent codes, which most stages let coders apply only through their children.
  const parents = new Set(input.codes.map((code) => code.parentId));
  const shownCodes = input.codes.filter((code) => (!code.retired && !parents.has(code.id)) || perCode.get(code.id)!.instances > 0);
  const shownThemes = themes.filter((code) => !code.retired || perTheme.get(code.id)!.instances > 0);

  const days = new Map<string, number>();
  let openIssues = 0;
  for (const issueId of issueCodes.keys()) {
    const value = resolutionDays(input.issues.get(issueId)!);
    if (value === null) openIssues++;
    else days.set(issueId, value);
  }
  const timesOf = (issues: Set<string>) => [...issues].flatMap((id) => (days.has(id) ? [days.get(id)!] : []));
  const themeTimes = shownThemes.map((code) => timesOf(perTheme.get(code.id)!.issues));

  return {
    codes: input.codes,
    totals: { issues: issueCount, units: input.units.length, instances, unitsWithoutCode },
    distribution: {
      perCode: shownCodes.map((code) => row(code, perCode.get(code.id)!)),
      perTheme: shownThemes.map((code) => row(code, perTheme.get(code.id)!)),
      perRepository: repositories(issueThemes, issueInstances, input.issues),
    },
    resolutionTime: {
      unit: 'days',
      closedIssues: days.size,
      openIssues,
      perCode: shownCodes.map((code) => ({ code, time: summary(timesOf(perCode.get(code.id)!.issues)) })),
      perTheme: shownThemes.map((code, i) => ({ code, time: summary(themeTimes[i]!) })),
      relevance: compareRelevance(input.relevance, input.issues),
      themes: compareThemes(
        shownThemes.map((code) => code.id),
        themeTimes,
        [...issueThemes].filter(([id, set]) => days.has(id) && set.size > 1).length,
      ),
    },
  };
}

function repositories(issueThemes: Map<string, Set<string>>, issueInstances: Map<string, number>, facts: Map<string, IssueFacts>) {
  const byRepository = new Map<string, { issues: number; instances: number; themes: Map<string, number> }>();
  for (const [issueId, themes] of issueThemes) {
    const name = facts.get(issueId)!.repository;
    const entry = byRepository.get(name) ?? { issues: 0, instances: 0, themes: new Map<string, number>() };
    entry.issues++;
    entry.instances += issueInstances.get(issueId)!;
    for (const theme of themes) entry.themes.set(theme, (entry.themes.get(theme) ?? 0) + 1);
    byRepository.set(name, entry);
  }
  return [...byRepository]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([repository, entry]) => ({
      repository,
      issues: entry.issues,
      instances: entry.instances,
      themes: [...entry.themes].map(([codeId, issues]) => ({ codeId, issues })),
    }));
}

function compareRelevance(relevance: Relevance, facts: Map<string, IssueFacts>): RelevanceComparison {
  const relevant: number[] = [];
  const notRelevant: number[] = [];
  let openExcluded = 0;
  if ('decisions' in relevance) {
    for (const [issueId, isRelevant] of relevance.decisions) {
      const value = resolutionDays(facts.get(issueId)!);
      if (value === null) openExcluded++;
      else (isRelevant ? relevant : notRelevant).push(value);
    }
  }
  const test = mannWhitneyU(relevant, notRelevant);
  const delta = cliffsDelta(relevant, notRelevant);
  const a = varghaDelaneyA(relevant, notRelevant);
  const reasonOf = (result: { value: number | null; reason?: string }) => (result.value === null ? { reason: result.reason! } : {});
  return {
    screeningStage: 'decisions' in relevance ? relevance.screeningStage : null,
    relevantCode: 'decisions' in relevance ? relevance.relevantCode : null,
    relevant: summary(relevant),
    notRelevant: summary(notRelevant),
    openExcluded,
    mannWhitney:
      test.value === null
        ? { value: null, n1: test.n1, n2: test.n2, p: null, z: null, method: null, reason: test.reason }
        : { value: test.value, n1: test.n1, n2: test.n2, p: test.p, z: test.z, method: test.method },
    cliffsDelta: { value: delta.value, magnitude: delta.magnitude, ...reasonOf(delta) },
    varghaDelaneyA: { value: a.value, ...reasonOf(a) },
    ...('reason' in relevance ? { reason: relevance.reason } : {}),
  };
}

function compareThemes(themeIds: string[], times: number[][], multiThemeIssues: number): ThemeComparison {
  const kw = kruskalWallis(times);
  const dunn = dunnTest(times);
  return {
    kruskalWallis:
      kw.value === null
        ? { value: null, df: kw.df, p: null, epsilonSquared: null, n: kw.n, k: kw.k, reason: kw.reason }
        : { value: kw.value, df: kw.df, p: kw.p, epsilonSquared: kw.epsilonSquared, n: kw.n, k: kw.k },
    dunn:
      dunn.value === null
        ? []
        : dunn.value.map(({ a, b, z, p, pAdjusted }) => ({ themeA: themeIds[a]!, themeB: themeIds[b]!, z, p, pAdjusted })),
    ...(dunn.value === null ? { dunnReason: dunn.reason } : {}),
    multiThemeIssues,
  };
}
