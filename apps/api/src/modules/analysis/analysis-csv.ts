// The analysis as tidy CSV: one row per (section, level, category or group, statistic), the form R
// (tidyr / dplyr) and pandas reshape without guessing. The first lines, starting with "#", say
// what the file holds; every text field is quoted, so a "#" inside a name never reads as one:
// R read.csv(file, comment.char = "#"), pandas.read_csv(file, comment="#").
import { stringify } from 'csv-stringify/sync';
import type { Analysis, AnalysisCode, CategoryTime, DistributionRow, Summary } from '@concord/contracts';
import { provenance } from './analysis-tables.ts';

export const CSV_COLUMNS = ['section', 'level', 'code_id', 'code_path', 'group', 'statistic', 'value', 'n', 'note'] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string | number | null>;

const SUMMARY_STATISTICS = ['median', 'q1', 'q3', 'iqr', 'min', 'max'] as const;

function row(partial: Partial<Row> & Pick<Row, 'section' | 'statistic'>): Row {
  return { level: null, code_id: null, code_path: null, group: null, value: null, n: null, note: null, ...partial };
}

const codeColumns = (code: AnalysisCode) => ({ code_id: code.id, code_path: code.path.join(' / ') });

function distributionRows(level: 'code' | 'theme', rows: DistributionRow[], coderName: Map<string, string>): Row[] {
  return rows.flatMap((entry) => {
    const base = { section: 'distribution', level, ...codeColumns(entry.code) };
    return [
      row({ ...base, statistic: 'issues', value: entry.issues }),
      row({ ...base, statistic: 'issue_share', value: entry.issueShare }),
      row({ ...base, statistic: 'instances', value: entry.instances }),
      row({ ...base, statistic: 'instance_share', value: entry.instanceShare }),
      ...entry.byCoder.map((coder) =>
        row({ ...base, group: coderName.get(coder.coderId) ?? coder.coderId, statistic: 'instances', value: coder.instances }),
      ),
    ];
  });
}

function summaryRows(base: Partial<Row> & { section: string }, summary: Summary): Row[] {
  return SUMMARY_STATISTICS.map((statistic) =>
    row({ ...base, statistic, value: summary[statistic], n: summary.n, note: summary.reason ?? null }),
  );
}

function timeRows(level: 'code' | 'theme', rows: CategoryTime[]): Row[] {
  return rows.flatMap((entry) => summaryRows({ section: 'resolution_time_days', level, ...codeColumns(entry.code) }, entry.time));
}

export function analysisToCsv(analysis: Analysis): string {
  const coderName = new Map(analysis.coders.map((coder) => [coder.id, coder.name]));
  const themeName = new Map(analysis.codes.map((code) => [code.id, code.name]));
  const time = analysis.resolutionTime;
  const { relevance } = time;
  const kw = time.themes.kruskalWallis;
  const rows: Row[] = [
    row({ section: 'totals', statistic: 'issues', value: analysis.totals.issues }),
    row({ section: 'totals', statistic: 'units', value: analysis.totals.units }),
    row({ section: 'totals', statistic: 'instances', value: analysis.totals.instances }),
    row({ section: 'totals', statistic: 'units_without_code', value: analysis.totals.unitsWithoutCode }),
    ...distributionRows('code', analysis.distribution.perCode, coderName),
    ...distributionRows('theme', analysis.distribution.perTheme, coderName),
    ...analysis.distribution.perRepository.flatMap((repository) => [
      row({ section: 'repository', level: 'repository', group: repository.repository, statistic: 'issues', value: repository.issues }),
      row({
        section: 'repository',
        level: 'repository',
        group: repository.repository,
        statistic: 'instances',
        value: repository.instances,
      }),
      ...repository.themes.map((theme) =>
        row({
          section: 'repository',
          level: 'theme',
          code_id: theme.codeId,
          code_path: themeName.get(theme.codeId) ?? null,
          group: repository.repository,
          statistic: 'issues',
          value: theme.issues,
        }),
      ),
    ]),
    row({ section: 'resolution_time_days', statistic: 'closed_issues', value: time.closedIssues }),
    row({ section: 'resolution_time_days', statistic: 'open_issues_excluded', value: time.openIssues }),
    ...timeRows('code', time.perCode),
    ...timeRows('theme', time.perTheme),
    ...summaryRows({ section: 'relevance', group: 'relevant' }, relevance.relevant),
    ...summaryRows({ section: 'relevance', group: 'not_relevant' }, relevance.notRelevant),
    row({ section: 'relevance', statistic: 'open_issues_excluded', value: relevance.openExcluded }),
    row({
      section: 'relevance',
      statistic: 'mann_whitney_u',
      value: relevance.mannWhitney.value,
      note: relevance.mannWhitney.reason ?? relevance.mannWhitney.method,
    }),
    row({ section: 'relevance', statistic: 'mann_whitney_p', value: relevance.mannWhitney.p }),
    row({ section: 'relevance', statistic: 'mann_whitney_z', value: relevance.mannWhitney.z }),
    row({
      section: 'relevance',
      statistic: 'cliffs_delta',
      value: relevance.cliffsDelta.value,
      note: relevance.cliffsDelta.reason ?? relevance.cliffsDelta.magnitude,
    }),
    row({
      section: 'relevance',
      statistic: 'vargha_delaney_a',
      value: relevance.varghaDelaneyA.value,
      note: relevance.varghaDelaneyA.reason ?? null,
    }),
    row({ section: 'themes_test', statistic: 'kruskal_wallis_h', value: kw.value, n: kw.n, note: kw.reason ?? null }),
    row({ section: 'themes_test', statistic: 'kruskal_wallis_df', value: kw.df, n: kw.n }),
    row({ section: 'themes_test', statistic: 'kruskal_wallis_p', value: kw.p, n: kw.n }),
    row({ section: 'themes_test', statistic: 'epsilon_squared', value: kw.epsilonSquared, n: kw.n }),
    ...time.themes.dunn.flatMap((pair) => {
      const group = `${themeName.get(pair.themeA) ?? pair.themeA} vs ${themeName.get(pair.themeB) ?? pair.themeB}`;
      return [
        row({ section: 'dunn', group, statistic: 'z', value: pair.z }),
        row({ section: 'dunn', group, statistic: 'p', value: pair.p }),
        row({ section: 'dunn', group, statistic: 'p_holm', value: pair.pAdjusted }),
      ];
    }),
    ...analysis.methods.rows.flatMap((entry) => {
      const group = `${entry.stage.name} / round ${entry.round}`;
      const base = { section: 'agreement', level: entry.kappa.coefficient, group, n: entry.kappa.n };
      return [
        row({ ...base, statistic: 'kappa', value: entry.kappa.value, note: entry.kappa.reason ?? null }),
        row({ ...base, statistic: 'ci95_low', value: entry.kappa.ci95?.[0] ?? null }),
        row({ ...base, statistic: 'ci95_high', value: entry.kappa.ci95?.[1] ?? null }),
      ];
    }),
  ];
  const header = provenance(analysis)
    .map((line) => `# ${line}\n`)
    .join('');
  return (
    header + stringify(rows, { header: true, columns: [...CSV_COLUMNS], quoted_string: true, cast: { number: (value) => String(value) } })
  );
}
