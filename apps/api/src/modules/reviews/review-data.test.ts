// The pure rules of review: when coders agree, why an issue waits, which code pairs were confused,
// coder letters, and which members a message mentions.
import { describe, expect, it } from 'vitest';
import type { ReviewCoding } from '@concord/contracts';
import { coderLetters, confusedPairs, consensus, reviewState, type IssueCodings } from './review-data.ts';
import { mentionedIds } from './discussions.service.ts';

const coding = (coderId: string, codeIds: string[], over: Partial<ReviewCoding> = {}): ReviewCoding => ({
  coderId,
  status: 'submitted',
  codeIds,
  flagged: false,
  cannotDecide: false,
  ...over,
});
const entry = (codings: ReviewCoding[], roundStatus: IssueCodings['roundStatus'] = 'closed'): IssueCodings => ({
  issueId: 'i',
  round: 1,
  roundStatus,
  codings,
});

describe('consensus', () => {
  it('is the codes every coder submitted, and nothing when one differs, did not submit, or could not decide', () => {
    expect(consensus([coding('a', ['x', 'y']), coding('b', ['x', 'y'])])).toEqual(['x', 'y']);
    expect(consensus([coding('a', ['x']), coding('b', ['y'])])).toBeNull();
    expect(consensus([coding('a', ['x']), coding('b', [], { status: 'draft' })])).toBeNull();
    expect(consensus([coding('a', []), coding('b', [], { cannotDecide: true })])).toBeNull();
    expect(consensus([])).toBeNull();
  });
});

describe('reviewState', () => {
  const label = { issueId: 'i', version: 1, agreed: false, reopened: false, codeIds: ['x'] };
  it('follows the final label, else why the issue waits', () => {
    expect(reviewState(entry([coding('a', ['x']), coding('b', ['y'])]), label)).toEqual({ status: 'decided', reason: null });
    expect(reviewState(entry([]), { ...label, agreed: true })).toEqual({ status: 'agreed', reason: null });
    expect(reviewState(entry([]), { ...label, reopened: true })).toEqual({ status: 'pending', reason: 'reopened' });
    expect(reviewState(entry([coding('a', ['x']), coding('b', ['y'])]), undefined)).toEqual({ status: 'pending', reason: 'disagreement' });
    expect(reviewState(entry([coding('a', []), coding('b', [], { cannotDecide: true })]), undefined)).toMatchObject({
      reason: 'cannot-decide',
    });
    expect(reviewState(entry([coding('a', ['x']), coding('b', [], { status: 'todo' })]), undefined)).toMatchObject({
      reason: 'incomplete',
    });
  });

  it('leaves out the issues of an open round that nobody disagrees on yet', () => {
    expect(reviewState(entry([coding('a', ['x']), coding('b', [], { status: 'todo' })], 'open'), undefined)).toBeNull();
    expect(reviewState(entry([coding('a', ['x']), coding('b', ['y'])], 'open'), undefined)).toMatchObject({ reason: 'disagreement' });
  });
});

describe('confusedPairs', () => {
  it('pairs the codes one coder chose and another did not, once per coder pair, unordered', () => {
    expect(confusedPairs([coding('a', ['x', 'z']), coding('b', ['y', 'z'])])).toEqual([['x', 'y']]);
    expect(confusedPairs([coding('a', ['y']), coding('b', ['x']), coding('c', ['x'])])).toEqual([
      ['x', 'y'],
      ['x', 'y'],
    ]);
    // Adding a code is no confusion: nothing was chosen instead of it.
    expect(confusedPairs([coding('a', ['x']), coding('b', ['x', 'y'])])).toEqual([]);
  });
});

describe('coderLetters and mentions', () => {
  it('letters coders in the order of their ids', () => {
    expect(Object.fromEntries(coderLetters(['c2', 'c1', 'c2']))).toEqual({ c1: 'A', c2: 'B' });
  });

  it('finds @handles of members, not email addresses or strangers', () => {
    const members = [
      { id: '1', name: 'Chloe', handle: 'coder1' },
      { id: '2', name: 'Liam', handle: 'lead' },
    ];
    expect(mentionedIds('Thanks @coder1. See also @LEAD, and mail me at me@lead.org or @nobody', members)).toEqual(['1', '2']);
  });
});
