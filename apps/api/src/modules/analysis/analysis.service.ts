// Analysis of a stage from the database: loads final labels (or, with source=codings, every
// coder's submitted codings), the screening stage's decisions and the issues' dates, enforces
// blind coding (coders see nothing of an issue a round still open drew), and hands the data to
// the pure builder. The methods summary takes kappa from the agreement service; it never
// recomputes it.
import type { PrismaClient, Role } from '@concord/db';
import type pg from 'pg';
import type { Code } from '@concord/db';
import type { Analysis, AnalysisCode, AnalysisSource, MethodsRow } from '@concord/contracts';
import { unblindedSql } from '../../lib/blind-coding.ts';
import { withPaths } from '../../lib/code-tree.ts';
import { CONCORD_VERSION } from '../../lib/concord-version.ts';
import { AppError, notFound } from '../../plugins/errors.ts';
import type { AgreementService } from '../agreement/agreement.service.ts';
import { buildAnalysis, type AnalysisUnit, type IssueFacts, type Relevance } from './analysis-report.ts';
import { methodsSentence } from './analysis-methods.ts';

export const STATISTICS_LIBRARY = '@concord/statistics 0.1.0 (distributions from jstat 1.9.6)';

const roundsOpenForCoders = () =>
  new AppError(403, 'ROUND_OPEN', 'Raw codings are shown to coders once a round is closed: coding is blind until then.');

function analysisCodes(codes: Code[]): AnalysisCode[] {
  const definitions = new Map(codes.map((code) => [code.id, code.definition]));
  return withPaths(codes).map((code) => ({ ...code, definition: definitions.get(code.id)! }));
}

export function createAnalysisService(prisma: PrismaClient, pool: pg.Pool, agreement: AgreementService) {
  async function loadStage(projectId: string, stageId: string) {
    const stage = await prisma.stage.findFirst({
      where: { id: stageId, projectId },
      include: {
        project: { select: { id: true, name: true, slug: true } },
        codebook: { include: { codes: true } },
        rounds: { select: { status: true } },
      },
    });
    if (!stage) throw notFound('Stage');
    return stage;
  }

  // `blind` (coders): leaves out issues that a round of the stage still open drew. A lead may
  // decide them live, and an agreed label left from a reopened round is the coders' own choice.
  async function finalUnits(stageId: string, blind: boolean): Promise<AnalysisUnit[]> {
    const { rows } = await pool.query<[string, string[]]>({
      text: `SELECT fl."issueId", COALESCE(array_agg(flc."codeId") FILTER (WHERE flc."codeId" IS NOT NULL), '{}')
             FROM "FinalLabel" fl
             LEFT JOIN "FinalLabelCode" flc ON flc."finalLabelId" = fl.id
             WHERE fl."stageId" = $1 AND (NOT $2 OR ${unblindedSql('fl."issueId"', 'fl."stageId"')})
             GROUP BY fl.id`,
      values: [stageId, blind],
      rowMode: 'array',
    });
    return rows.map(([issueId, codeIds]) => ({ issueId, coderId: null, codeIds }));
  }

  // A coder who coded an issue in two rounds counts once, with the later round (as in agreement).
  // `blind` (coders): only issues every round of the stage that drew them has closed, so an issue
  // drawn again in an open round shows nothing of its earlier codings either.
  async function codingUnits(stageId: string, blind: boolean): Promise<AnalysisUnit[]> {
    const { rows } = await pool.query<[string, string, string[]]>({
      text: `SELECT DISTINCT ON (c."issueId", c."coderId") c."issueId", c."coderId",
                    COALESCE(array_agg(cc."codeId") FILTER (WHERE cc."codeId" IS NOT NULL), '{}')
             FROM "Coding" c
             JOIN "Round" r ON r.id = c."roundId"
             LEFT JOIN "CodingCode" cc ON cc."codingId" = c.id
             WHERE c."stageId" = $1 AND c.status = 'submitted' AND (NOT $2 OR ${unblindedSql('c."issueId"', 'c."stageId"')})
             GROUP BY c.id, r.number
             ORDER BY c."issueId", c."coderId", r.number DESC`,
      values: [stageId, blind],
      rowMode: 'array',
    });
    return rows.map(([issueId, coderId, codeIds]) => ({ issueId, coderId, codeIds }));
  }

  const unitsOf = (stageId: string, source: AnalysisSource, blind: boolean) =>
    source === 'final' ? finalUnits(stageId, blind) : codingUnits(stageId, blind);

  async function issueFacts(projectId: string, issueIds: string[]): Promise<Map<string, IssueFacts>> {
    const { rows } = await pool.query<[string, string, Date, Date | null]>({
      text: `SELECT i.id, r.owner || '/' || r.name, i."createdAt", i."closedAt"
             FROM "Issue" i JOIN "Repository" r ON r.id = i."repositoryId"
             WHERE i."projectId" = $1 AND i.id = ANY($2::uuid[])`,
      values: [projectId, issueIds],
      rowMode: 'array',
    });
    return new Map(rows.map(([id, repository, createdAt, closedAt]) => [id, { repository, createdAt, closedAt }]));
  }

  /**
   * The screening stage is the one another stage takes its input from: this stage's input stage,
   * or, for the screening stage itself, the stage fed by it. Its input code marks relevance.
   */
  async function screening(projectId: string, stage: { id: string; inputStageId: string | null; inputCodeId: string | null }) {
    if (stage.inputStageId && stage.inputCodeId) return { stageId: stage.inputStageId, codeId: stage.inputCodeId };
    const downstream = await prisma.stage.findFirst({
      where: { projectId, inputStageId: stage.id, inputCodeId: { not: null } },
      orderBy: { position: 'asc' },
    });
    return downstream ? { stageId: stage.id, codeId: downstream.inputCodeId! } : null;
  }

  /**
   * Relevant: the decision carries the relevant code; not relevant: it carries another code.
   * Raw codings decide only where the issue's coders agree, so the two groups never overlap.
   */
  async function relevance(
    projectId: string,
    stage: Parameters<typeof screening>[1],
    source: AnalysisSource,
    blind: boolean,
  ): Promise<Relevance> {
    const found = await screening(projectId, stage);
    if (!found) return { reason: 'No stage takes its input from a screening stage, so there is no relevant / not relevant split.' };
    const screeningStage = await prisma.stage.findUniqueOrThrow({
      where: { id: found.stageId },
      include: { codebook: { include: { codes: true } } },
    });
    const relevantCode = analysisCodes(screeningStage.codebook?.codes ?? []).find((code) => code.id === found.codeId);
    if (!relevantCode) return { reason: 'The screening stage no longer has the code that marks issues relevant.' };
    const byIssue = new Map<string, boolean[]>();
    for (const unit of await unitsOf(found.stageId, source, blind)) {
      if (unit.codeIds.length === 0) continue;
      byIssue.set(unit.issueId, [...(byIssue.get(unit.issueId) ?? []), unit.codeIds.includes(found.codeId)]);
    }
    const decisions = new Map<string, boolean>();
    for (const [issueId, votes] of byIssue) if (votes.every((vote) => vote === votes[0])) decisions.set(issueId, votes[0]!);
    return { screeningStage: { id: screeningStage.id, name: screeningStage.name }, relevantCode, decisions };
  }

  /** Kappa per stage and round from the agreement service, as the caller may see it. */
  async function methodsRows(projectId: string, role: Role): Promise<MethodsRow[]> {
    const stages = await prisma.stage.findMany({ where: { projectId }, orderBy: { position: 'asc' }, select: { id: true, name: true } });
    const rows: MethodsRow[] = [];
    for (const stage of stages) {
      try {
        const report = await agreement.report(projectId, stage.id, role);
        for (const round of report.rounds) {
          if (round.status === 'draft') continue;
          rows.push({ stage, round: round.number, roundName: round.name, status: round.status, kappa: round.overall.kappa });
        }
      } catch (error) {
        // A coder sees no agreement of a stage whose rounds are all still open: it is left out.
        if (!(error instanceof AppError && error.statusCode === 403)) throw error;
      }
    }
    return rows;
  }

  function notes(source: AnalysisSource, role: Role, openIssues: number, multiThemeIssues: number, relevance: Relevance): string[] {
    return [
      source === 'final'
        ? 'Unit: the final label of each issue (adjudicated, or agreed where the coders agreed), one per issue.'
        : 'Unit: each coder’s submitted coding of an issue (the later round where a coder coded an issue twice); an issue is in a category when any coder applied one of its codes. These are raw codings: publish final labels.',
      ...(role === 'coder' ? ['Issues that a round still open drew are left out: coding is blind until the round closes.'] : []),
      'Multi-label: an issue with several codes counts once in each code’s issues; instances count every application.',
      'Themes are the top-level codes; a theme counts an issue when any code below it applies.',
      `Resolution time: closed minus created, in days, closed issues only; ${openIssues} open issue(s) left out.`,
      'Median and quartiles: R quantile type 7 (linear interpolation between order statistics, R’s default); whiskers at 1.5 IQR (Tukey).',
      'Mann–Whitney U: exact p when both groups have fewer than 50 values and no ties, otherwise the normal approximation with tie and continuity correction (R wilcox.test defaults); Cliff’s delta with magnitudes after Romano et al. (2006); Vargha–Delaney A.',
      `Kruskal–Wallis H with tie correction and epsilon² (Tomczak & Tomczak 2014) across themes, then Dunn’s (1964) pairwise z with two-sided p, Holm (1979) adjusted. An issue with several themes is in each of their groups: ${multiThemeIssues} such closed issue(s).`,
      'decisions' in relevance
        ? `Relevant vs not relevant: ${source === 'final' ? 'final labels' : 'unanimous raw codings'} of stage “${relevance.screeningStage.name}”; relevant = “${relevance.relevantCode.name}”, not relevant = any other code; undecided issues left out.`
        : `Relevant vs not relevant: ${relevance.reason}`,
      `Computed with ${STATISTICS_LIBRARY}.`,
    ];
  }

  return {
    async analysis(projectId: string, stageId: string, role: Role, source: AnalysisSource): Promise<Analysis> {
      const stage = await loadStage(projectId, stageId);
      const blind = role === 'coder';
      if (source === 'codings' && blind && stage.rounds.length > 0 && !stage.rounds.some((r) => r.status === 'closed'))
        throw roundsOpenForCoders();
      const codes = analysisCodes(stage.codebook?.codes ?? []);
      const units = await unitsOf(stageId, source, blind);
      const split = await relevance(projectId, stage, source, blind);
      const issueIds = new Set(units.map((unit) => unit.issueId));
      if ('decisions' in split) for (const issueId of split.decisions.keys()) issueIds.add(issueId);
      const core = buildAnalysis({ codes, units, issues: await issueFacts(projectId, [...issueIds]), relevance: split });
      const coderIds = [...new Set(units.flatMap((unit) => (unit.coderId ? [unit.coderId] : [])))];
      const coders = await prisma.user.findMany({
        where: { id: { in: coderIds } },
        select: { id: true, name: true },
        orderBy: { name: 'asc' },
      });
      const rows = await methodsRows(projectId, role);
      return {
        meta: {
          project: stage.project,
          stage: { id: stage.id, name: stage.name, mode: stage.mode },
          source,
          generatedAt: new Date().toISOString(),
          concordVersion: CONCORD_VERSION,
        },
        ...core,
        coders,
        methods: { rows, sentence: methodsSentence(rows) },
        notes: notes(source, role, core.resolutionTime.openIssues, core.resolutionTime.themes.multiThemeIssues, split),
      };
    },
  };
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;
