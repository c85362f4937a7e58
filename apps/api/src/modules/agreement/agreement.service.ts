// Agreement of a stage from the codings in the database: loads the stage, its codebook, rounds
// and submitted codings, enforces blind coding (coders see closed rounds only), and hands the
// data to the pure report builder.
import type { PrismaClient, Role } from '@concord/db';
import type pg from 'pg';
import type { AgreementReport, DisagreementList, DisagreementQuery } from '@concord/contracts';
import { stringify } from 'csv-stringify/sync';
import { unblindedSql } from '../../lib/blind-coding.ts';
import { withPaths } from '../../lib/code-tree.ts';
import { AppError, notFound } from '../../plugins/errors.ts';
import { buildAgreementReport, type CodingRow, type ReportRound } from './agreement-report.ts';

const DISAGREEMENT_LIMIT = 200;

const roundClosedForCoders = () =>
  new AppError(403, 'ROUND_OPEN', 'Agreement is shown to coders once the round is closed: coding is blind until then.');

export function createAgreementService(prisma: PrismaClient, pool: pg.Pool) {
  async function loadStage(projectId: string, stageId: string) {
    const stage = await prisma.stage.findFirst({
      where: { id: stageId, projectId },
      include: { codebook: { include: { codes: true } }, rounds: { orderBy: { number: 'asc' } } },
    });
    if (!stage) throw notFound('Stage');
    return stage;
  }

  /** The rounds a caller may see agreement for: coders only closed ones, since coding is blind. */
  function roundsInScope(rounds: ReportRound[], role: Role, roundNumber: number | undefined): ReportRound[] {
    if (roundNumber !== undefined) {
      const round = rounds.find((r) => r.number === roundNumber);
      if (!round) throw notFound(`Round ${roundNumber}`);
      if (role === 'coder' && round.status !== 'closed') throw roundClosedForCoders();
      return [round];
    }
    const visible = role === 'coder' ? rounds.filter((r) => r.status === 'closed') : rounds;
    if (role === 'coder' && visible.length === 0) throw roundClosedForCoders();
    return visible;
  }

  // One row per submitted coding with its code ids: up to hundreds of thousands of rows, read as
  // plain arrays through pg, which is the I/O floor of the report. `blind` leaves out issues that a
  // round of the stage still open drew (drawn again after a closed round).
  async function loadCodings(stageId: string, rounds: number[], blind = false): Promise<CodingRow[]> {
    const { rows } = await pool.query<[string, string, number, string[]]>({
      text: `SELECT c."issueId", c."coderId", r.number,
                    COALESCE(array_agg(cc."codeId") FILTER (WHERE cc."codeId" IS NOT NULL), '{}')
             FROM "Coding" c
             JOIN "Assignment" a ON a.id = c."assignmentId"
             JOIN "Round" r ON r.id = a."roundId"
             LEFT JOIN "CodingCode" cc ON cc."codingId" = c.id
             WHERE c."stageId" = $1 AND c.status = 'submitted' AND r.number = ANY($2::int[])
               AND (NOT $3 OR ${unblindedSql('c."issueId"', 'c."stageId"')})
             GROUP BY c.id, r.number`,
      values: [stageId, rounds, blind],
      rowMode: 'array',
    });
    return rows.map(([issueId, coderId, round, codeIds]) => ({ issueId, coderId, round, codeIds }));
  }

  /** `blind`: per-issue listings for coders leave out what an open round drew; counts and kappa do not need to. */
  async function scopedData(projectId: string, stageId: string, role: Role, roundNumber: number | undefined, blind = false) {
    const stage = await loadStage(projectId, stageId);
    const rounds = roundsInScope(
      stage.rounds.map((r) => ({ number: r.number, name: r.name, status: r.status, codebookVersion: r.codebookVersion })),
      role,
      roundNumber,
    );
    const codings = await loadCodings(
      stageId,
      rounds.map((r) => r.number),
      blind,
    );
    return { stage, rounds, codings };
  }

  async function codersOf(codings: CodingRow[]) {
    const ids = [...new Set(codings.map((c) => c.coderId))];
    const users = await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
    return users;
  }

  return {
    async report(projectId: string, stageId: string, role: Role, roundNumber?: number): Promise<AgreementReport> {
      const { stage, rounds, codings } = await scopedData(projectId, stageId, role, roundNumber);
      return buildAgreementReport({
        stage: { id: stage.id, name: stage.name, mode: stage.mode },
        parentCodesCodable: stage.parentCodesCodable,
        codes: withPaths(stage.codebook?.codes ?? []),
        coders: await codersOf(codings),
        rounds,
        codings,
        round: roundNumber ?? null,
      });
    },

    /** The per-code (and per-theme) table as CSV, for R or a spreadsheet. */
    toCsv(report: AgreementReport): string {
      const rows = [
        ...report.perCode.map((row) => ({ level: 'code', ...row })),
        ...report.perTheme.map((row) => ({ level: 'theme', ...row })),
      ].map(({ level, code, prevalence, kappa }) => [
        report.stage.name,
        report.round ?? 'all',
        level,
        code.id,
        code.path.join(' / '),
        kappa.n,
        prevalence,
        kappa.coefficient,
        kappa.value,
        kappa.se,
        kappa.ci95?.[0] ?? null,
        kappa.ci95?.[1] ?? null,
        kappa.band,
      ]);
      return stringify(rows, {
        header: true,
        columns: [
          'stage',
          'round',
          'level',
          'code_id',
          'code_path',
          'n',
          'prevalence',
          'coefficient',
          'kappa',
          'se',
          'ci95_low',
          'ci95_high',
          'landis_koch',
        ],
        cast: { number: (value) => String(value) },
        // Quoted, a "#" in a code name cannot pass for a comment in R (comment.char) or pandas (comment=).
        quoted_match: /#/,
      });
    },

    async disagreements(projectId: string, stageId: string, role: Role, query: DisagreementQuery): Promise<DisagreementList> {
      const { codings } = await scopedData(projectId, stageId, role, query.round, role === 'coder');
      const byIssue = new Map<string, Map<string, string[]>>();
      for (const coding of codings) {
        const coders = byIssue.get(coding.issueId) ?? new Map<string, string[]>();
        coders.set(coding.coderId, coding.codeIds);
        byIssue.set(coding.issueId, coders);
      }
      const differs = (a: string[], b: string[]) => a.length !== b.length || a.some((code) => !b.includes(code));
      const matches = (coders: Map<string, string[]>) => {
        const pairs =
          query.coderA && query.coderB
            ? [[query.coderA, query.coderB] as const]
            : [...coders.keys()].flatMap((a, i, all) => all.slice(i + 1).map((b) => [a, b] as const));
        return pairs.some(([a, b]) => {
          const codesA = coders.get(a);
          const codesB = coders.get(b);
          if (!codesA || !codesB) return false;
          if (query.codeA && query.codeB) return codesA.includes(query.codeA) && codesB.includes(query.codeB);
          if (query.code) return codesA.includes(query.code) !== codesB.includes(query.code);
          return differs(codesA, codesB);
        });
      };
      const issueIds = [...byIssue.entries()].filter(([, coders]) => coders.size >= 2 && matches(coders)).map(([id]) => id);
      const issues = await prisma.issue.findMany({
        where: { id: { in: issueIds } },
        orderBy: [{ repository: { name: 'asc' } }, { number: 'asc' }],
        take: DISAGREEMENT_LIMIT,
        select: { id: true, number: true, title: true, url: true, repository: { select: { owner: true, name: true } } },
      });
      return {
        total: issueIds.length,
        limit: DISAGREEMENT_LIMIT,
        items: issues.map((issue) => ({
          issueId: issue.id,
          repository: `${issue.repository.owner}/${issue.repository.name}`,
          number: issue.number,
          title: issue.title,
          url: issue.url,
          codings: [...byIssue.get(issue.id)!.entries()].map(([coderId, codeIds]) => ({ coderId, codeIds })),
        })),
      };
    },
  };
}

export type AgreementService = ReturnType<typeof createAgreementService>;
