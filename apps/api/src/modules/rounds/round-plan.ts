// Which issues a new round codes and who codes each: a seeded, reproducible draw. Pure, so
// that the same seed gives the same round on any machine and tests can check the balance.
import seedrandom from 'seedrandom';
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

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Proportional allocation of `size` over groups, by largest remainder (Hamilton's method). */
function allocate(groupSizes: number[], size: number): number[] {
  const total = groupSizes.reduce((a, b) => a + b, 0);
  const exact = groupSizes.map((n) => (n * size) / total);
  const counts = exact.map(Math.floor);
  const order = exact.map((value, i) => [value - Math.floor(value), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let r = size - counts.reduce((a, b) => a + b, 0), i = 0; r > 0; r--, i++) counts[order[i]![1]]!++;
  return counts;
}

function sample(input: RoundPlanInput, random: () => number): CandidateIssue[] {
  const size = Math.min(input.sampleSize ?? input.candidates.length, input.candidates.length);
  if (!input.stratifyByRepository) return shuffle(input.candidates, random).slice(0, size);
  const byRepository = new Map<string, CandidateIssue[]>();
  for (const issue of input.candidates) byRepository.set(issue.repository, [...(byRepository.get(issue.repository) ?? []), issue]);
  const groups = [...byRepository.keys()].sort().map((repository) => byRepository.get(repository)!);
  const counts = allocate(
    groups.map((group) => group.length),
    size,
  );
  return shuffle(
    groups.flatMap((group, i) => shuffle(group, random).slice(0, counts[i])),
    random,
  );
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
  const random = seedrandom(input.seed);
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
