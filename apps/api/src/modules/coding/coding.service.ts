// The coding screen's data: a coder's open rounds and queue, one assignment with its issue and
// codebook, and saving a coding. Blind coding: every read returns the caller's own assignments
// and codings only. Saves are versioned: a save based on an older version is refused (409),
// and replaying the save that produced the current version is answered as a success.
import type { PrismaClient } from '@concord/db';
import type pg from 'pg';
import type {
  AssignmentDetail,
  CodingCode,
  CodingState,
  IssueDetail,
  MyQueue,
  IssueVersion,
  MyRound,
  RoundRef,
  SaveCodingBody,
} from '@concord/contracts';
import type { ChangeFeed } from '../../lib/change-feed.ts';
import { createChangeCache } from '../../lib/change-cache.ts';
import { treeOrder } from '../../lib/code-tree.ts';
import { checkCodeIds, type RuleCode } from '../../lib/code-rules.ts';
import { AppError, badRequest, conflict, notFound } from '../../plugins/errors.ts';

const notAssigned = () => new AppError(403, 'NOT_ASSIGNED', 'This issue is assigned to another coder.');

const roundRefSelect = {
  id: true,
  number: true,
  name: true,
  status: true,
  codebookVersion: true,
  stage: { select: { id: true, name: true, mode: true, parentCodesCodable: true } },
} as const;

/** Whether `body` asks for exactly what `current` already holds (a replayed save). */
function sameContent(current: CodingState, body: SaveCodingBody, codeIds: string[]): boolean {
  return (
    current.status === body.status &&
    current.memo === body.memo &&
    current.flagged === body.flagged &&
    current.cannotDecide === body.cannotDecide &&
    current.codeIds.join() === [...codeIds].sort().join()
  );
}

const CACHE_TTL_MS = 60_000;

/** What the coding screen's two hot requests need about one assignment, read in one query. */
interface AssignmentRow {
  id: string;
  position: number;
  coderId: string;
  issueId: string;
  roundId: string;
  roundNumber: number;
  roundName: string;
  roundStatus: RoundRef['status'];
  codebookVersion: number;
  stageId: string;
  stageName: string;
  mode: RoundRef['stage']['mode'];
  parentCodesCodable: boolean;
  codingId: string | null;
  version: number | null;
  codingStatus: CodingState['status'] | null;
  memo: string | null;
  flagged: boolean | null;
  cannotDecide: boolean | null;
  activeSeconds: number | null;
  issueContentVersion: number | null;
  submittedAtMs: number | null;
  updatedAtMs: number | null;
  codeIds: string[];
}

/** An assignment's immutable facts: whose it is, of which issue, in which round, stage and project. */
interface AssignmentFacts {
  coderId: string;
  issueId: string;
  roundId: string;
  stageId: string;
  projectId: string;
}

interface NavigationRow {
  previous: string | null;
  next: string | null;
  total: number;
  submitted: number;
}

// Timestamps travel as epoch milliseconds: the columns are UTC without a time zone, which pg would read as local time.
const CODING_COLUMNS = `c.id AS "codingId", c.version, c.status AS "codingStatus", c.memo, c.flagged, c."cannotDecide", c."activeSeconds",
         c."issueContentVersion", (extract(epoch FROM c."submittedAt") * 1000)::float8 AS "submittedAtMs",
         (extract(epoch FROM c."updatedAt") * 1000)::float8 AS "updatedAtMs"`;

/**
 * The hot statements are named, so each pooled connection parses and plans them once (a
 * prepared statement) instead of on every request.
 */
interface Statement {
  name: string;
  text: string;
}

/** The assignment (if it is in the project), its round and stage, and its coding with codes: what a save checks. */
const ASSIGNMENT_SQL = `
  SELECT a.id, a.position, a."coderId", a."issueId", a."roundId",
         r.number AS "roundNumber", r.name AS "roundName", r.status AS "roundStatus", r."codebookVersion",
         s.id AS "stageId", s.name AS "stageName", s.mode, s."parentCodesCodable",
         ${CODING_COLUMNS},
         COALESCE((SELECT array_agg(cc."codeId"::text ORDER BY cc."codeId") FROM "CodingCode" cc WHERE cc."codingId" = c.id), '{}') AS "codeIds"
  FROM "Assignment" a
  JOIN "Round" r ON r.id = a."roundId"
  JOIN "Stage" s ON s.id = r."stageId"
  LEFT JOIN "Coding" c ON c."assignmentId" = a.id
  WHERE a.id = $1 AND s."projectId" = $2`;
const ASSIGNMENT: Statement = { name: 'coding-assignment', text: ASSIGNMENT_SQL };

/** The same with the coder's neighbours and progress in the round: what the coding screen shows. */
const ASSIGNMENT_WITH_NAVIGATION: Statement = {
  name: 'coding-assignment-with-navigation',
  text: ASSIGNMENT_SQL.replace(
    'FROM "Assignment" a',
    `, (SELECT p.id FROM "Assignment" p WHERE p."roundId" = a."roundId" AND p."coderId" = a."coderId" AND p.position < a.position
           ORDER BY p.position DESC LIMIT 1) AS previous,
         (SELECT n.id FROM "Assignment" n WHERE n."roundId" = a."roundId" AND n."coderId" = a."coderId" AND n.position > a.position
           ORDER BY n.position ASC LIMIT 1) AS next,
         progress."assigned" AS total, progress."submitted"
  FROM "Assignment" a`,
  ).replace(
    'LEFT JOIN "Coding" c',
    'JOIN "RoundProgress" progress ON progress."roundId" = a."roundId" AND progress."coderId" = a."coderId"\n  LEFT JOIN "Coding" c',
  ),
};

const ASSIGNMENT_FACTS: Statement = {
  name: 'coding-assignment-facts',
  text: `SELECT a."coderId", a."issueId", a."roundId", r."stageId", s."projectId"
         FROM "Assignment" a JOIN "Round" r ON r.id = a."roundId" JOIN "Stage" s ON s.id = r."stageId" WHERE a.id = $1`,
};

function codingFromRow(row: AssignmentRow): CodingState | null {
  if (!row.codingId) return null;
  return {
    id: row.codingId,
    version: row.version!,
    status: row.codingStatus!,
    codeIds: row.codeIds,
    memo: row.memo!,
    flagged: row.flagged!,
    cannotDecide: row.cannotDecide!,
    activeSeconds: row.activeSeconds!,
    issueContentVersion: row.issueContentVersion!,
    submittedAt: row.submittedAtMs === null ? null : new Date(row.submittedAtMs).toISOString(),
    updatedAt: new Date(row.updatedAtMs!).toISOString(),
  };
}

function roundFromRow(row: AssignmentRow): RoundRef {
  return {
    id: row.roundId,
    number: row.roundNumber,
    name: row.roundName,
    status: row.roundStatus,
    codebookVersion: row.codebookVersion,
    stage: { id: row.stageId, name: row.stageName, mode: row.mode, parentCodesCodable: row.parentCodesCodable },
  };
}

/**
 * Writes a coding in one statement (atomic without an explicit transaction): the coding row —
 * updated only if it is still at the base version, or inserted if there is none, and only while
 * the round is open —, its codes, and a revision when submitted. No row back means one of those
 * did not hold; the slow path then says which.
 */
const SAVE: Record<'update' | 'insert', Statement> = {
  update: {
    name: 'coding-save-update',
    text: `
    WITH target AS (
      UPDATE "Coding" SET status = $3::"CodingStatus", memo = $4, flagged = $5, "cannotDecide" = $6,
             "submittedAt" = CASE WHEN $3 = 'submitted' THEN now() ELSE "submittedAt" END,
             version = version + 1, "activeSeconds" = "activeSeconds" + $7, "issueContentVersion" = $8, "updatedAt" = now()
      WHERE "assignmentId" = $1 AND version = $2 AND EXISTS (SELECT 1 FROM "Round" r WHERE r.id = "Coding"."roundId" AND r.status = 'open')
      RETURNING *
    ), removed AS (
      DELETE FROM "CodingCode" cc USING target t WHERE cc."codingId" = t.id AND cc."codeId" <> ALL($9::uuid[])
    ), added AS (
      INSERT INTO "CodingCode" ("codingId", "codeId") SELECT t.id, code FROM target t, unnest($9::uuid[]) code ON CONFLICT DO NOTHING
    ), revision AS (
      INSERT INTO "CodingRevision" (id, "codingId", version, status, "codeIds", memo)
      SELECT gen_random_uuid(), t.id, t.version, t.status, $9::text[], t.memo FROM target t WHERE t.status = 'submitted'
    )
    SELECT ${CODING_COLUMNS.replaceAll('c.', 't.')} FROM target t`,
  },
  insert: {
    name: 'coding-save-insert',
    text: `
    WITH target AS (
      INSERT INTO "Coding" (id, "assignmentId", "roundId", "stageId", "issueId", "coderId", status, memo, flagged, "cannotDecide",
                            "activeSeconds", "issueContentVersion", "submittedAt", "updatedAt", version)
      SELECT gen_random_uuid(), a.id, r.id, r."stageId", a."issueId", a."coderId", $3::"CodingStatus", $4, $5, $6, $7, $8,
             CASE WHEN $3 = 'submitted' THEN now() END, now(), 1
      FROM "Assignment" a JOIN "Round" r ON r.id = a."roundId" WHERE a.id = $1 AND $2 = 0 AND r.status = 'open'
      ON CONFLICT ("assignmentId") DO NOTHING
      RETURNING *
    ), added AS (
      INSERT INTO "CodingCode" ("codingId", "codeId") SELECT t.id, code FROM target t, unnest($9::uuid[]) code
    ), revision AS (
      INSERT INTO "CodingRevision" (id, "codingId", version, status, "codeIds", memo)
      SELECT gen_random_uuid(), t.id, t.version, t.status, $9::text[], t.memo FROM target t WHERE t.status = 'submitted'
    )
    SELECT ${CODING_COLUMNS.replaceAll('c.', 't.')} FROM target t`,
  },
};

/**
 * The coding screen's two hot requests (open an assignment, save a coding) are plain SQL on the
 * shared pool, with the issue text and the codebook cached per process until they change: coders
 * move through hundreds of issues, and every millisecond here is theirs.
 */
export function createCodingService(prisma: PrismaClient, pool: pg.Pool, changeFeed: ChangeFeed) {
  const issues = createChangeCache<string, IssueDetail>(changeFeed, {
    tables: ['Issue', 'Comment', 'Repository'],
    ttlMs: CACHE_TTL_MS,
    maxEntries: 5000,
  });
  const assignments = createChangeCache<string, AssignmentFacts>(changeFeed, {
    tables: [],
    ttlMs: 10 * CACHE_TTL_MS,
    maxEntries: 100_000,
  });
  const stageCodes = createChangeCache<string, { stage: RoundRef['stage']; forCoders: CodingCode[]; byId: Map<string, RuleCode> }>(
    changeFeed,
    {
      tables: ['Code', 'Codebook', 'Stage'],
      ttlMs: CACHE_TTL_MS,
      maxEntries: 500,
    },
  );

  async function ownAssignment<Row extends AssignmentRow>(
    projectId: string,
    assignmentId: string,
    userId: string,
    statement = ASSIGNMENT,
  ): Promise<Row> {
    const { rows } = await pool.query<Row>({ ...statement, values: [assignmentId, projectId] });
    const row = rows[0];
    if (!row) throw notFound('Assignment');
    if (row.coderId !== userId) throw notAssigned();
    return row;
  }

  async function loadIssue(issueId: string): Promise<IssueDetail> {
    const issue = await issues.get(issueId, async () => {
      const issue = await prisma.issue.findUniqueOrThrow({
        where: { id: issueId },
        include: { repository: { select: { owner: true, name: true } }, comments: { orderBy: { createdAt: 'asc' } } },
      });
      return {
        id: issue.id,
        repository: `${issue.repository.owner}/${issue.repository.name}`,
        number: issue.number,
        title: issue.title,
        body: issue.body,
        state: issue.state,
        stateReason: issue.stateReason,
        labels: issue.labels,
        author: issue.authorLogin,
        authorAssociation: issue.authorAssociation,
        createdAt: issue.createdAt.toISOString(),
        closedAt: issue.closedAt?.toISOString() ?? null,
        url: issue.url,
        isPullRequest: issue.isPullRequest,
        contentVersion: issue.contentVersion,
        comments: issue.comments.map((c) => ({
          id: c.id,
          author: c.authorLogin,
          authorAssociation: c.authorAssociation,
          body: c.body,
          createdAt: c.createdAt.toISOString(),
        })),
      };
    });
    return issue!;
  }

  /** The issue's text as it was at a version a coding was made on (kept by imports that changed it). */
  async function codedVersion(issueId: string, contentVersion: number): Promise<IssueVersion | null> {
    const snapshot = await prisma.issueSnapshot.findUnique({ where: { issueId_contentVersion: { issueId, contentVersion } } });
    if (!snapshot) return null;
    const comments = snapshot.comments as { authorLogin: string | null; body: string; createdAt: string }[];
    return {
      contentVersion,
      title: snapshot.title,
      body: snapshot.body,
      comments: comments.map((c) => ({ author: c.authorLogin, body: c.body, createdAt: new Date(c.createdAt).toISOString() })),
    };
  }

  /** The stage's settings and codebook as coding needs them, cached until either changes. */
  async function stageOf(stageId: string) {
    return (await stageCodes.get(stageId, async () => {
      const stage = await prisma.stage.findUniqueOrThrow({
        where: { id: stageId },
        select: {
          id: true,
          name: true,
          mode: true,
          parentCodesCodable: true,
          codebook: {
            select: {
              codes: {
                select: {
                  id: true,
                  parentId: true,
                  name: true,
                  definition: true,
                  includeCriteria: true,
                  excludeCriteria: true,
                  color: true,
                  shortcut: true,
                  position: true,
                  retiredAt: true,
                  children: { select: { retiredAt: true } },
                },
              },
            },
          },
        },
      });
      const codes = stage.codebook?.codes ?? [];
      const active = codes.filter((code) => !code.retiredAt);
      return {
        stage: { id: stage.id, name: stage.name, mode: stage.mode, parentCodesCodable: stage.parentCodesCodable },
        forCoders: treeOrder(active).map(({ retiredAt: _retired, children, ...code }) => ({
          ...code,
          codable: stage.parentCodesCodable || !children.some((child) => !child.retiredAt),
        })),
        byId: new Map(
          codes.map((code) => [
            code.id,
            { name: code.name, retired: code.retiredAt !== null, hasChildren: code.children.some((c) => !c.retiredAt) },
          ]),
        ),
      };
    }))!;
  }

  /** Who and what an assignment is about: never changes, so it is cached without invalidation. */
  async function assignmentFacts(projectId: string, assignmentId: string, userId: string) {
    const facts = await assignments.get(
      assignmentId,
      async () => (await pool.query<AssignmentFacts>({ ...ASSIGNMENT_FACTS, values: [assignmentId] })).rows[0],
    );
    if (!facts || facts.projectId !== projectId) throw notFound('Assignment');
    if (facts.coderId !== userId) throw notAssigned();
    return facts;
  }

  /** The codes a coding may use (see checkCodeIds); a submitted coding needs one, or "cannot decide". */
  async function validCodeIds(stage: RoundRef['stage'], codeIds: string[], status: SaveCodingBody['status'], cannotDecide: boolean) {
    const { byId } = await stageOf(stage.id);
    const unique = checkCodeIds(stage, byId, codeIds);
    if (status === 'submitted' && unique.length === 0 && !cannotDecide) {
      throw badRequest('NO_CODE', 'Choose a code, or mark the issue "cannot decide", before submitting.');
    }
    return unique;
  }

  return {
    /** An issue as the coding screen shows it (cached): for other screens that show issues the same way. */
    issueDetail: loadIssue,

    /** The rules a stage's codes follow (cached), for final labels checked like codings. */
    async stageRules(stageId: string) {
      const { stage, byId } = await stageOf(stageId);
      return { stage, byId };
    },

    async myRounds(projectId: string, userId: string): Promise<MyRound[]> {
      const rounds = await prisma.round.findMany({
        where: { status: 'open', stage: { projectId }, assignments: { some: { coderId: userId } } },
        select: {
          ...roundRefSelect,
          assignments: {
            where: { coderId: userId },
            orderBy: { position: 'asc' },
            select: { id: true, coding: { select: { status: true } } },
          },
        },
        orderBy: [{ stage: { position: 'asc' } }, { number: 'asc' }],
      });
      return rounds.map(({ assignments, ...round }) => ({
        round,
        progress: { total: assignments.length, submitted: assignments.filter((a) => a.coding?.status === 'submitted').length },
        nextAssignmentId: assignments.find((a) => a.coding?.status !== 'submitted')?.id ?? null,
      }));
    },

    async queue(projectId: string, roundId: string, userId: string): Promise<MyQueue> {
      const round = await prisma.round.findFirst({ where: { id: roundId, stage: { projectId } }, select: roundRefSelect });
      if (!round) throw notFound('Round');
      const assignments = await prisma.assignment.findMany({
        where: { roundId, coderId: userId },
        orderBy: { position: 'asc' },
        select: {
          id: true,
          position: true,
          coding: { select: { status: true } },
          issue: { select: { id: true, number: true, title: true, repository: { select: { owner: true, name: true } } } },
        },
      });
      const items = assignments.map((a) => ({
        assignmentId: a.id,
        issueId: a.issue.id,
        position: a.position,
        repository: `${a.issue.repository.owner}/${a.issue.repository.name}`,
        number: a.issue.number,
        title: a.issue.title,
        status: a.coding?.status ?? ('todo' as const),
      }));
      return { round, items, progress: { total: items.length, submitted: items.filter((i) => i.status === 'submitted').length } };
    },

    async assignment(projectId: string, assignmentId: string, userId: string): Promise<AssignmentDetail> {
      const row = await ownAssignment<AssignmentRow & NavigationRow>(projectId, assignmentId, userId, ASSIGNMENT_WITH_NAVIGATION);
      const round = roundFromRow(row);
      // The save that follows needs these facts: the row has them, so it need not read them again.
      assignments.set(row.id, { coderId: row.coderId, issueId: row.issueId, roundId: row.roundId, stageId: row.stageId, projectId });
      const [issue, codes] = await Promise.all([loadIssue(row.issueId), stageOf(round.stage.id)]);
      const coding = codingFromRow(row);
      return {
        assignmentId: row.id,
        position: row.position,
        round,
        issue,
        codes: codes.forCoders,
        coding,
        codedVersion:
          coding && coding.issueContentVersion < issue.contentVersion ? await codedVersion(row.issueId, coding.issueContentVersion) : null,
        previousAssignmentId: row.previous,
        nextAssignmentId: row.next,
        progress: { total: row.total, submitted: row.submitted },
      };
    },

    async save(projectId: string, assignmentId: string, userId: string, body: SaveCodingBody): Promise<CodingState> {
      const facts = await assignmentFacts(projectId, assignmentId, userId);
      const { stage } = await stageOf(facts.stageId);
      const codeIds = await validCodeIds(stage, body.codeIds, body.status, body.cannotDecide);
      const issue = await loadIssue(facts.issueId);
      const params = [
        assignmentId,
        body.baseVersion,
        body.status,
        body.memo,
        body.flagged,
        body.cannotDecide,
        body.activeSecondsDelta,
        issue.contentVersion,
        codeIds,
      ];
      const written = (await pool.query<AssignmentRow>({ ...(body.baseVersion === 0 ? SAVE.insert : SAVE.update), values: params }))
        .rows[0];
      if (written) return codingFromRow({ ...written, codeIds })!;

      const row = await ownAssignment(projectId, assignmentId, userId);
      if (row.roundStatus !== 'open') {
        throw conflict(
          row.roundStatus === 'closed' ? 'ROUND_CLOSED' : 'ROUND_NOT_OPEN',
          `Round "${row.roundName}" is ${row.roundStatus}: codings can be changed only while it is open.`,
        );
      }
      // Not at the base version (any more): the save that made the current version, sent again
      // (double click, retry), gets the same answer; anything else is stale.
      const latest = codingFromRow(row);
      if (latest && body.baseVersion === latest.version - 1 && sameContent(latest, body, codeIds)) return latest;
      throw conflict('STALE_VERSION', 'This coding was changed elsewhere (another tab?); here is the current version.', {
        current: latest,
      });
    },
  };
}
export type CodingService = ReturnType<typeof createCodingService>;
