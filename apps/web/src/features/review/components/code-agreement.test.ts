// The share of each code among the coders' sets of an issue.
import { describe, expect, it } from 'vitest';
import type { ReviewIssueCoding } from '@concord/contracts';
import { codeShares } from './code-agreement.ts';

const coding = (label: string, codeIds: string[], status: ReviewIssueCoding['status'] = 'submitted'): ReviewIssueCoding => ({
  label,
  coder: null,
  round: 1,
  status,
  codeIds,
  memo: '',
  flagged: false,
  cannotDecide: false,
  submittedAt: null,
});

describe('codeShares', () => {
  it('tells codes chosen by all, by some and by one apart, ignoring unsubmitted codings', () => {
    const shares = codeShares([coding('A', ['x', 'y']), coding('B', ['x', 'y', 'z']), coding('C', ['x']), coding('D', ['q'], 'draft')]);
    expect(Object.fromEntries(shares)).toEqual({ x: 'all', y: 'some', z: 'one' });
  });
});
