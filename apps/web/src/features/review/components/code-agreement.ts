// How the coders' sets of one issue compare, code by code: chosen by all of them, by some, or by
// one only. The review screen colours the codes by it.
import type { ReviewIssueCoding } from '@concord/contracts';

export type Share = 'all' | 'some' | 'one';

export const SHARE_COLOR: Record<Share, string> = { all: 'teal', some: 'yellow', one: 'red' };
export const SHARE_LABEL: Record<Share, string> = { all: 'chosen by all', some: 'chosen by some', one: 'chosen by one' };

/** Each code any submitted coding holds, with its share; codes in first-seen order. */
export function codeShares(codings: ReviewIssueCoding[]): Map<string, Share> {
  const submitted = codings.filter((coding) => coding.status === 'submitted');
  const counts = new Map<string, number>();
  for (const coding of submitted) for (const codeId of coding.codeIds) counts.set(codeId, (counts.get(codeId) ?? 0) + 1);
  return new Map(
    [...counts].map(([codeId, count]) => [codeId, count === submitted.length ? 'all' : count === 1 ? 'one' : 'some'] as const),
  );
}
