// The analysis builder on hand-made units, without a database: degenerate inputs give zeros and
// nulls with reasons (never NaN), retired codes appear only where applied, and a flat codebook's
// codes are its themes.
import { describe, expect, it } from 'vitest';
import type { AnalysisCode } from '@concord/contracts';
import { buildAnalysis, type IssueFacts } from './analysis-report.ts';

const code = (id: string, parentId: string | null = null, retired = false): AnalysisCode => ({
  id,
  name: id.toUpperCase(),
  path: parentId ? [parentId.toUpperCase(), id.toUpperCase()] : [id.toUpperCase()],
  parentId,
  retired,
  definition: '',
});

const DAY = 24 * 60 * 60 * 1000;
const issue = (closedAfterDays: number | null, repository = 'octo/a'): IssueFacts => ({
  repository,
  createdAt: new Date(0),
  closedAt: closedAfterDays === null ? null : new Date(closedAfterDays * DAY),
});

const noScreening = { reason: 'No screening stage.' };

describe('buildAnalysis', () => {
  it('nothing labelled yet: zero counts, null shares and tests with their reasons', () => {
    const result = buildAnalysis({ codes: [code('a'), code('b')], units: [], issues: new Map(), relevance: noScreening });
    expect(result.totals).toEqual({ issues: 0, units: 0, instances: 0, unitsWithoutCode: 0 });
    expect(result.distribution.perCode.map((row) => [row.issues, row.issueShare, row.instanceShare])).toEqual([
      [0, null, null],
      [0, null, null],
    ]);
    const { themes, relevance } = result.resolutionTime;
    expect(themes.kruskalWallis).toMatchObject({ value: null, reason: expect.any(String) });
    expect(themes.dunn).toEqual([]);
    expect(themes.dunnReason).toEqual(expect.any(String));
    expect(relevance).toMatchObject({ screeningStage: null, reason: 'No screening stage.', mannWhitney: { value: null } });
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });

  it('a flat codebook: every code is a theme; a retired code shows only where it was applied', () => {
    const codes = [code('a'), code('b'), code('old', null, true), code('gone', null, true)];
    const units = [
      { issueId: 'i1', coderId: null, codeIds: ['a'] },
      { issueId: 'i2', coderId: null, codeIds: ['a'] },
      { issueId: 'i3', coderId: null, codeIds: ['b'] },
      { issueId: 'i4', coderId: null, codeIds: ['old'] },
    ];
    const issues = new Map([
      ['i1', issue(1)],
      ['i2', issue(3)],
      ['i3', issue(2, 'octo/b')],
      ['i4', issue(null)],
    ]);
    const result = buildAnalysis({ codes, units, issues, relevance: noScreening });
    expect(result.distribution.perTheme.map((row) => row.code.id)).toEqual(['a', 'b', 'old']);
    expect(result.distribution.perRepository.map((row) => [row.repository, row.issues])).toEqual([
      ['octo/a', 3],
      ['octo/b', 1],
    ]);
    expect(result.resolutionTime).toMatchObject({ closedIssues: 3, openIssues: 1 });
    // "old" has only an open issue: its summary is empty, and Kruskal–Wallis compares a and b.
    expect(result.resolutionTime.perTheme[2]!.time).toMatchObject({ n: 0, median: null, reason: expect.any(String) });
    expect(result.resolutionTime.themes.kruskalWallis).toMatchObject({ k: 2, n: 3, df: 1 });
  });

  it('per coder: applications counted for each coder; a theme counts an issue once but every application', () => {
    const codes = [code('t'), code('x', 't'), code('y', 't')];
    const units = [
      { issueId: 'i1', coderId: 'c1', codeIds: ['x', 'y'] },
      { issueId: 'i1', coderId: 'c2', codeIds: ['x'] },
    ];
    const result = buildAnalysis({ codes, units, issues: new Map([['i1', issue(5)]]), relevance: noScreening });
    expect(result.distribution.perTheme[0]).toMatchObject({ issues: 1, instances: 3, issueShare: 1 });
    expect(result.distribution.perCode.find((row) => row.code.id === 'x')!.byCoder).toEqual([
      { coderId: 'c1', instances: 1 },
      { coderId: 'c2', instances: 1 },
    ]);
  });
});
