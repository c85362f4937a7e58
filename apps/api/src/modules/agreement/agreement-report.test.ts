// The report builder on hand-made codings: what is compared with what, without a database.
import { describe, expect, it } from 'vitest';
import { fleissKappa } from '@concord/agreement';
import { buildAgreementReport, landisKochBand, type CodingRow, type ReportInput } from './agreement-report.ts';

const coders = [
  { id: 'c1', name: 'Ada' },
  { id: 'c2', name: 'Bo' },
  { id: 'c3', name: 'Cy' },
];
const codes = [
  { id: 'y', name: 'Yes', path: ['Yes'], retired: false, parentId: null },
  { id: 'n', name: 'No', path: ['No'], retired: false, parentId: null },
];

function input(codings: CodingRow[], round: number | null = null): ReportInput {
  return {
    stage: { id: 's', name: 'Relevance', mode: 'single' },
    parentCodesCodable: false,
    codes,
    coders,
    rounds: [
      { number: 1, name: 'R1', status: 'closed', codebookVersion: 1 },
      { number: 2, name: 'R2', status: 'closed', codebookVersion: 2 },
    ],
    codings,
    round,
  };
}

const row = (issueId: string, coderId: string, code: string, round = 1): CodingRow => ({
  issueId,
  coderId,
  round,
  codeIds: code ? [code] : [],
});

describe('buildAgreementReport', () => {
  it('with three coders the headline is Fleiss kappa without a CI, equal to the library on the same matrix', () => {
    const labels = [
      ['y', 'y', 'y'],
      ['y', 'n', 'y'],
      ['n', 'n', 'n'],
      ['n', 'y', 'n'],
    ];
    const codings = labels.flatMap((issue, i) => issue.map((code, c) => row(`i${i}`, coders[c]!.id, code)));
    const report = buildAgreementReport(input(codings));
    expect(report.overall.kappa.coefficient).toBe('fleiss');
    expect(report.overall.kappa.ci95).toBeNull();
    expect(report.overall.kappa.value).toBe(fleissKappa(labels).value);
    expect(report.pairs).toHaveLength(3);
  });

  it('keeps the later round when a coder coded an issue twice, and counts single-coded issues apart', () => {
    const codings = [row('i1', 'c1', 'y', 1), row('i1', 'c1', 'n', 2), row('i1', 'c2', 'n', 2), row('i2', 'c1', 'y')];
    const report = buildAgreementReport(input(codings));
    expect(report.n).toEqual({ issues: 1, codings: 2, singleCoded: 1 });
    expect(report.overall.percentAgreement.value).toBe(1);
    expect(report.coders.map((c) => c.id)).toEqual(['c1', 'c2']);
  });

  it('a single-choice coding without a code ("cannot decide") is missing, not a category', () => {
    const codings = [row('i1', 'c1', 'y'), row('i1', 'c2', ''), row('i2', 'c1', 'n'), row('i2', 'c2', 'n')];
    const report = buildAgreementReport(input(codings));
    expect(report.pairs[0]!.kappa.n).toBe(1);
    expect(report.pairs[0]!.confusion).toEqual({ codeIds: ['n'], counts: [[1]] });
  });

  it('with no double-coded issue every statistic is null with a reason', () => {
    const report = buildAgreementReport(input([row('i1', 'c1', 'y')]));
    expect(report.overall.kappa.value).toBeNull();
    expect(report.overall.kappa.reason).toBeTruthy();
    expect(report.overall.percentAgreement.value).toBeNull();
  });

  it('bands follow Landis & Koch (1977)', () => {
    expect([-0.1, 0, 0.2, 0.21, 0.4, 0.6, 0.8, 0.81, null].map(landisKochBand)).toEqual([
      'poor',
      'slight',
      'slight',
      'fair',
      'fair',
      'moderate',
      'substantial',
      'almost perfect',
      null,
    ]);
  });
});

describe('multi-label exact-set coefficients', () => {
  it('give every distinct code set one label across all issues', () => {
    const z = { id: 'z', name: 'Z', path: ['Z'], retired: false, parentId: null };
    const multi = (codings: CodingRow[]): ReportInput => ({
      ...input(codings),
      stage: { id: 's', name: 'Challenges', mode: 'multi' },
      codes: [...codes, z],
    });
    // Two different sets, each agreed on: kappa 1. Had each issue numbered its sets on its own,
    // both would share one label, leaving a single category and an undefined kappa.
    const codings: CodingRow[] = [
      { issueId: 'i1', coderId: 'c1', round: 1, codeIds: ['y', 'n'] },
      { issueId: 'i1', coderId: 'c2', round: 1, codeIds: ['n', 'y'] },
      { issueId: 'i2', coderId: 'c1', round: 1, codeIds: ['y', 'z'] },
      { issueId: 'i2', coderId: 'c2', round: 1, codeIds: ['z', 'y'] },
    ];
    const report = buildAgreementReport(multi(codings));
    expect(report.overall.kappa.value).toBe(1);
    expect(report.overall.percentAgreement.value).toBe(1);
  });
});
