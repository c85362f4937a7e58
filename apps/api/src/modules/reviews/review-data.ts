// What review reads about a stage, loaded as plain rows through pg (tens of thousands of codings
// for a large round), and the pure rules on top: when coders agree, and why an issue waits for a lead.
import type pg from 'pg';
import type { PendingReason, ReviewCoding } from '@concord/contracts';

export interface IssueCodings {
  issueId: string;
  round: number;
  roundStatus: 'draft' | 'open' | 'closed';
  /** Every assignment of the issue in that round; codes only of submitted codings. */
  codings: ReviewCoding[];
}

export interface LabelRow {
  issueId: string;
  version: number;
  agreed: boolean;
  reopened: boolean;
  codeIds: string[];
}

export interface RoundRow {
  id: string;
  number: number;
  status: IssueCodings['roundStatus'];
}

/**
 * The assignments of the given rounds of a stage with their codings, grouped per issue. An issue
 * drawn in several rounds of a stage is reviewed on its latest round. One flat row per assignment
 * and code, one query per round, grouped here: about twice as fast as array_agg in SQL.
 */
export async function loadIssueCodings(pool: pg.Pool, rounds: RoundRow[]): Promise<Map<string, IssueCodings>> {
  const perRound = await Promise.all(
    rounds.map((round) =>
      pool.query<[string, string, ReviewCoding['status'] | null, boolean | null, boolean | null, string | null]>({
        text: `SELECT a."issueId", a."coderId", c.status, c.flagged, c."cannotDecide", cc."codeId"
               FROM "Assignment" a
               LEFT JOIN "Coding" c ON c."assignmentId" = a.id
               LEFT JOIN "CodingCode" cc ON cc."codingId" = c.id AND c.status = 'submitted'
               WHERE a."roundId" = $1`,
        values: [round.id],
        rowMode: 'array',
      }),
    ),
  );
  const byIssue = new Map<string, IssueCodings>();
  for (const [index, round] of rounds.entries()) {
    for (const [issueId, coderId, status, flagged, cannotDecide, codeId] of perRound[index]!.rows) {
      let entry = byIssue.get(issueId);
      if (entry && entry.round > round.number) continue;
      if (!entry || entry.round < round.number) {
        entry = { issueId, round: round.number, roundStatus: round.status, codings: [] };
        byIssue.set(issueId, entry);
      }
      // An issue has a handful of coders: a scan is cheaper than a keyed lookup.
      const coding = entry.codings.find((c) => c.coderId === coderId);
      if (coding) {
        if (codeId) coding.codeIds.push(codeId);
        continue;
      }
      entry.codings.push({
        coderId,
        status: status ?? 'todo',
        codeIds: codeId ? [codeId] : [],
        flagged: flagged ?? false,
        cannotDecide: cannotDecide ?? false,
      });
    }
  }
  // Codes sorted (sets compare by their sorted ids); coders in a stable order, that of their letters on the review screen.
  for (const entry of byIssue.values()) {
    for (const coding of entry.codings) if (coding.codeIds.length > 1) coding.codeIds.sort();
    if (entry.codings.length > 1) entry.codings.sort((a, b) => byText(a.coderId, b.coderId));
  }
  return byIssue;
}

/** owner/name and number of the issues the given rounds drew, to order and show them. */
export async function loadIssueKeys(pool: pg.Pool, rounds: RoundRow[]): Promise<Map<string, { repository: string; number: number }>> {
  const { rows } = await pool.query<[string, string, number]>({
    text: `SELECT i.id, rp.owner || '/' || rp.name, i.number FROM "Issue" i JOIN "Repository" rp ON rp.id = i."repositoryId"
           WHERE i.id IN (SELECT a."issueId" FROM "Assignment" a WHERE a."roundId" = ANY($1::uuid[]))`,
    values: [rounds.map((r) => r.id)],
    rowMode: 'array',
  });
  return new Map(rows.map(([id, repository, number]) => [id, { repository, number }]));
}

export async function loadLabels(pool: pg.Pool, stageId: string): Promise<Map<string, LabelRow>> {
  const { rows } = await pool.query<[string, number, boolean, boolean, string[]]>({
    text: `SELECT f."issueId", f.version, f.agreed, f.reopened,
                  COALESCE(array_agg(fc."codeId"::text ORDER BY fc."codeId") FILTER (WHERE fc."codeId" IS NOT NULL), '{}')
           FROM "FinalLabel" f LEFT JOIN "FinalLabelCode" fc ON fc."finalLabelId" = f.id
           WHERE f."stageId" = $1
           GROUP BY f.id`,
    values: [stageId],
    rowMode: 'array',
  });
  return new Map(rows.map(([issueId, version, agreed, reopened, codeIds]) => [issueId, { issueId, version, agreed, reopened, codeIds }]));
}

export async function loadMessageCounts(pool: pg.Pool, stageId: string): Promise<Map<string, number>> {
  const { rows } = await pool.query<[string, number]>({
    text: `SELECT "issueId", count(*)::int FROM "DiscussionMessage" WHERE "stageId" = $1 GROUP BY "issueId"`,
    values: [stageId],
    rowMode: 'array',
  });
  return new Map(rows);
}

export const sameCodes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((code, i) => code === b[i]);

/** The codes every coder chose, when every assignment was submitted with the same codes; else null. */
export function consensus(codings: readonly ReviewCoding[]): string[] | null {
  const first = codings[0];
  if (!first) return null;
  const unanimous = codings.every((c) => c.status === 'submitted' && !c.cannotDecide && sameCodes(c.codeIds, first.codeIds));
  return unanimous && first.codeIds.length > 0 ? first.codeIds : null;
}

/** Whether the submitted codings already differ (what a lead reviewing live looks for). */
export function submittedDiffer(codings: readonly ReviewCoding[]): boolean {
  const submitted = codings.filter((c) => c.status === 'submitted');
  return submitted.some((c) => !sameCodes(c.codeIds, submitted[0]!.codeIds));
}

export type ReviewState = { status: 'decided' | 'agreed'; reason: null } | { status: 'pending'; reason: PendingReason };

/**
 * Where an issue stands in review; null for an issue of an open round that has nothing to review
 * yet (coders still at work, and none of them differ so far).
 */
export function reviewState(entry: IssueCodings, label: LabelRow | undefined): ReviewState | null {
  if (label?.reopened) return { status: 'pending', reason: 'reopened' };
  if (label) return { status: label.agreed ? 'agreed' : 'decided', reason: null };
  const { codings } = entry;
  if (submittedDiffer(codings)) return { status: 'pending', reason: 'disagreement' };
  if (codings.some((c) => c.status === 'submitted' && c.cannotDecide)) return { status: 'pending', reason: 'cannot-decide' };
  if (entry.roundStatus !== 'closed') return null;
  // A closed round whose coders agree is finalised on closing; without a label, someone never submitted.
  return consensus(codings) ? { status: 'agreed', reason: null } : { status: 'pending', reason: 'incomplete' };
}

/** Unordered pairs of codes that two coders of one issue chose apart: one chose a, the other b. */
export function confusedPairs(codings: readonly ReviewCoding[]): [string, string][] {
  const submitted = codings.filter((c) => c.status === 'submitted');
  const pairs: [string, string][] = [];
  for (let i = 0; i < submitted.length; i++) {
    for (let j = i + 1; j < submitted.length; j++) {
      const a = submitted[i]!.codeIds;
      const b = submitted[j]!.codeIds;
      for (const x of a.filter((code) => !b.includes(code))) {
        for (const y of b.filter((code) => !a.includes(code))) pairs.push(x < y ? [x, y] : [y, x]);
      }
    }
  }
  return pairs;
}

const coderLetter = (index: number) => String.fromCharCode(65 + (index % 26)) + (index >= 26 ? String(Math.floor(index / 26)) : '');

/** Stable letters for the coders of an issue: A, B, C… in the order of their ids. */
export function coderLetters(coderIds: Iterable<string>): Map<string, string> {
  return new Map([...new Set(coderIds)].sort().map((id, index) => [id, coderLetter(index)]));
}

/** Ordinal order of strings: thousands of issues sort much faster than with localeCompare, and the same on every machine. */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
