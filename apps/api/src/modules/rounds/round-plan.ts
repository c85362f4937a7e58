// Which issues a new round codes and who codes each: a seeded, reproducible draw. Pure, so
// that the same seed gives the same round on any machine and tests can check the balance.
import { drawSample, seededRandom, shuffle, type Random } from '@concord/sampling';
import type { Overlap } from '@concord/contracts';
import { badRequest } from '../../plugins/errors.ts';

export interface CandidateIssue {
  id: string;
  repository: string;
}

export interface RoundPlanInput {
  candidates: CandidateIssue[];
  coderIds: string[];
  overlap: Overlap;
  sampleSize?: number;
  stratifyByRepository: boolean;
  seed: string;
}

export interface PlannedAssignment {
  issueId: string;
  coderId: string;
  /** Order in which this coder meets the issue. */
  position: number;
}

function sample(input: RoundPlanInput, random: Random): CandidateIssue[] {
  return drawSample(input.candidates, random, input.sampleSize, input.stratifyByRepository ? (issue) => issue.repository : undefined);
}

/** How many coders each issue gets, in order. */
function codersPerIssue(overlap: Overlap, issues: number, coders: number): number[] {
  switch (overlap.mode) {
    case 'all':
      return Array.from({ length: issues }, () => coders);
    case 'k':
      if (overlap.k > coders) throw badRequest('OVERLAP_TOO_LARGE', `${overlap.k} coders per issue, but only ${coders} coders chosen.`);
      return Array.from({ length: issues }, () => overlap.k);
    case 'share': {
      if (coders < 2 && overlap.share > 0) throw badRequest('OVERLAP_TOO_LARGE', 'Double coding needs at least 2 coders.');
      const double = Math.round(overlap.share * issues);
      return Array.from({ length: issues }, (_, i) => (i < double ? 2 : 1));
    }
  }
}

export function planRound(input: RoundPlanInput): { issueIds: string[]; assignments: PlannedAssignment[] } {
  if (new Set(input.coderIds).size !== input.coderIds.length) throw badRequest('DUPLICATE_CODER', 'A coder is listed twice.');
  const random = seededRandom(input.seed);
  const issues = sample(input, random);
  const coders = shuffle(input.coderIds, random);
  const counts = codersPerIssue(input.overlap, issues.length, coders.length);
  const assignments: PlannedAssignment[] = [];
  const nextPosition = new Map(coders.map((coder) => [coder, 0]));
  // Coders are taken in turn across issues, so every coder gets the same number of issues (± 1).
  let turn = 0;
  issues.forEach((issue, i) => {
    for (let c = 0; c < counts[i]!; c++) {
      const coderId = coders[turn++ % coders.length]!;
      assignments.push({ issueId: issue.id, coderId, position: nextPosition.get(coderId)! });
      nextPosition.set(coderId, nextPosition.get(coderId)! + 1);
    }
  });
  return { issueIds: issues.map((issue) => issue.id), assignments };
}
