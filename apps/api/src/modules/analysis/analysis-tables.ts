// Paper-ready tables of an analysis: the taxonomy with definitions and counts, resolution time
// with the test results, and the agreement per stage and round. Each table is built once as a
// model and rendered as LaTeX (booktabs) or Markdown, so the two formats cannot disagree.
import type { Analysis, AnalysisCode, DistributionRow } from '@concord/contracts';
import { fixed, percent, pValue, UNDEFINED } from './analysis-format.ts';
import { coefficientName } from './analysis-methods.ts';

export type TableName = 'taxonomy' | 'resolution-time' | 'agreement';
export type TableFormat = 'latex' | 'markdown';

interface Cell {
  text: string;
  /** Depth in the code tree: rendered as an indent. */
  indent?: number;
  bold?: boolean;
}

interface TableModel {
  caption: string;
  label: string;
  columns: { header: string; align: 'l' | 'r' | 'p' }[];
  rows: Cell[][];
  /** Sentences printed under the table (test results, exclusions). */
  notes: string[];
}

const text = (value: string | number): Cell => ({ text: String(value) });

/** Themes, each followed by the codes below it (in tree order): the codebook as a reader scans it. */
function treeRows<R extends { code: AnalysisCode }>(codes: AnalysisCode[], themes: R[], rows: R[]) {
  const byId = new Map(codes.map((code) => [code.id, code]));
  const themeOf = (code: AnalysisCode) => {
    let current = code;
    while (current.parentId) current = byId.get(current.parentId)!;
    return current.id;
  };
  return themes.flatMap((theme) => [
    { row: theme, depth: 0, theme: true },
    ...rows
      .filter((row) => row.code.parentId !== null && themeOf(row.code) === theme.code.id)
      .map((row) => ({ row, depth: row.code.path.length - 1, theme: false })),
  ]);
}

function sourceName(analysis: Analysis): string {
  return analysis.meta.source === 'final' ? 'final labels' : 'raw codings';
}

function taxonomy(analysis: Analysis): TableModel {
  const { perTheme, perCode } = analysis.distribution;
  const hierarchical = perCode.some((row) => row.code.parentId !== null);
  const cells = ({ row, depth, theme }: { row: DistributionRow; depth: number; theme: boolean }): Cell[] => [
    { text: row.code.name, indent: depth, bold: theme && hierarchical },
    text(row.code.definition),
    text(row.issues),
    text(percent(row.issueShare)),
    text(row.instances),
  ];
  return {
    caption: `Taxonomy of stage “${analysis.meta.stage.name}” (${sourceName(analysis)}): ${analysis.totals.instances} code applications in ${analysis.totals.issues} issues.`,
    label: 'tab:taxonomy',
    columns: [
      { header: 'Category', align: 'l' },
      { header: 'Definition', align: 'p' },
      { header: 'Issues', align: 'r' },
      { header: '% issues', align: 'r' },
      { header: 'Instances', align: 'r' },
    ],
    rows: (hierarchical ? treeRows(analysis.codes, perTheme, perCode) : perCode.map((row) => ({ row, depth: 0, theme: true }))).map(cells),
    notes: [
      'A theme counts an issue once when any of its codes applies; instances count every application, so multi-label issues add up to more than the issues.',
    ],
  };
}

function resolutionTime(analysis: Analysis): TableModel[] {
  const time = analysis.resolutionTime;
  const hierarchical = time.perCode.some((row) => row.code.parentId !== null);
  const rows = hierarchical
    ? treeRows(analysis.codes, time.perTheme, time.perCode)
    : time.perCode.map((row) => ({ row, depth: 0, theme: true }));
  const kw = time.themes.kruskalWallis;
  const relevance = time.relevance;
  const mw = relevance.mannWhitney;
  const nameOf = new Map(analysis.codes.map((code) => [code.id, code.name]));
  const notes = [
    `Resolution time in days (closed minus created), closed issues only; ${time.openIssues} open issue(s) excluded. Quartiles: R type 7.`,
    kw.value === null
      ? `Kruskal–Wallis across themes: not computed (${kw.reason}).`
      : `Kruskal–Wallis across themes: H(${kw.df}) = ${fixed(kw.value)}, p = ${pValue(kw.p)}, ε² = ${fixed(kw.epsilonSquared, 3)}, n = ${kw.n} in ${kw.k} themes (${time.themes.multiThemeIssues} issue(s) in more than one theme).`,
    relevance.screeningStage === null
      ? `Relevant vs not relevant: ${relevance.reason}`
      : `Relevant vs not relevant (stage “${relevance.screeningStage.name}”): median ${fixed(relevance.relevant.median, 1)} days (n = ${relevance.relevant.n}) vs ${fixed(relevance.notRelevant.median, 1)} days (n = ${relevance.notRelevant.n}); ` +
        (mw.value === null
          ? `Mann–Whitney U not computed (${mw.reason}).`
          : `Mann–Whitney U = ${fixed(mw.value, 1)}, p = ${pValue(mw.p)} (${mw.method}), Cliff’s δ = ${fixed(relevance.cliffsDelta.value, 3)} (${relevance.cliffsDelta.magnitude}), Vargha–Delaney A = ${fixed(relevance.varghaDelaneyA.value, 3)}.`),
  ];
  const main: TableModel = {
    caption: `Resolution time per category, stage “${analysis.meta.stage.name}” (${sourceName(analysis)}).`,
    label: 'tab:resolution-time',
    columns: [
      { header: 'Category', align: 'l' },
      { header: 'n', align: 'r' },
      { header: 'Median', align: 'r' },
      { header: 'Q1', align: 'r' },
      { header: 'Q3', align: 'r' },
      { header: 'IQR', align: 'r' },
    ],
    rows: rows.map(({ row, depth, theme }) => [
      { text: row.code.name, indent: depth, bold: theme && hierarchical },
      text(row.time.n),
      text(fixed(row.time.median, 1)),
      text(fixed(row.time.q1, 1)),
      text(fixed(row.time.q3, 1)),
      text(fixed(row.time.iqr, 1)),
    ]),
    notes,
  };
  if (time.themes.dunn.length === 0) return [main];
  const dunn: TableModel = {
    caption: `Dunn’s pairwise comparisons of resolution time between themes (Holm-adjusted), stage “${analysis.meta.stage.name}”.`,
    label: 'tab:resolution-time-dunn',
    columns: [
      { header: 'Theme A', align: 'l' },
      { header: 'Theme B', align: 'l' },
      { header: 'z', align: 'r' },
      { header: 'p', align: 'r' },
      { header: 'p (Holm)', align: 'r' },
    ],
    rows: time.themes.dunn.map((row) => [
      text(nameOf.get(row.themeA) ?? row.themeA),
      text(nameOf.get(row.themeB) ?? row.themeB),
      text(fixed(row.z)),
      text(pValue(row.p)),
      text(pValue(row.pAdjusted)),
    ]),
    notes: ['Positive z: theme A’s issues take longer (higher mean rank).'],
  };
  return [main, dunn];
}

function agreement(analysis: Analysis): TableModel {
  return {
    caption: 'Inter-rater agreement per stage and round.',
    label: 'tab:agreement',
    columns: [
      { header: 'Stage', align: 'l' },
      { header: 'Round', align: 'l' },
      { header: 'Coefficient', align: 'l' },
      { header: 'κ', align: 'r' },
      { header: '95% CI', align: 'r' },
      { header: 'n', align: 'r' },
    ],
    rows: analysis.methods.rows.map((row) => [
      text(row.stage.name),
      text(`${row.round} (${row.roundName})`),
      text(coefficientName(row)),
      text(fixed(row.kappa.value)),
      text(row.kappa.ci95 ? `${fixed(row.kappa.ci95[0])}–${fixed(row.kappa.ci95[1])}` : UNDEFINED),
      text(row.kappa.n),
    ]),
    notes: [analysis.methods.sentence],
  };
}

export function tableModels(analysis: Analysis, table: TableName | null): TableModel[] {
  const all: Record<TableName, () => TableModel[]> = {
    taxonomy: () => [taxonomy(analysis)],
    'resolution-time': () => resolutionTime(analysis),
    agreement: () => [agreement(analysis)],
  };
  return table ? all[table]() : [...all.taxonomy(), ...all['resolution-time'](), ...all.agreement()];
}

// LaTeX's special characters, replaced in one pass so that no replacement is escaped again;
// then the Greek and typographic characters used in captions.
const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '$<$',
  '>': '$>$',
};
const LATEX_SYMBOLS: [RegExp, string][] = [
  [/κ/g, '$\\kappa$'],
  [/δ/g, '$\\delta$'],
  [/ε²/g, '$\\varepsilon^2$'],
  [/“/g, '``'],
  [/”/g, "''"],
  [/’/g, "'"],
  [/–/g, '--'],
];

export function latexEscape(value: string): string {
  const escaped = value.replace(/\s+/g, ' ').replace(/[\\&%$#_{}~^<>]/g, (character) => LATEX_SPECIALS[character]!);
  return LATEX_SYMBOLS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), escaped);
}

function latexCell(cell: Cell): string {
  const body = latexEscape(cell.text);
  const indented = cell.indent ? `\\hspace{${cell.indent}em}${body}` : body;
  return cell.bold ? `\\textbf{${indented}}` : indented;
}

function toLatex(model: TableModel): string {
  const spec = model.columns.map((column) => (column.align === 'p' ? 'p{0.45\\linewidth}' : column.align)).join('');
  return [
    '\\begin{table}[ht]',
    '\\centering',
    `\\caption{${latexEscape(model.caption)}}`,
    `\\label{${model.label}}`,
    `\\begin{tabular}{${spec}}`,
    '\\toprule',
    `${model.columns.map((column) => latexEscape(column.header)).join(' & ')} \\\\`,
    '\\midrule',
    ...model.rows.map((row) => `${row.map(latexCell).join(' & ')} \\\\`),
    '\\bottomrule',
    '\\end{tabular}',
    ...model.notes.map((note) => `\\par\\smallskip\\footnotesize ${latexEscape(note)}`),
    '\\end{table}',
  ].join('\n');
}

export function markdownEscape(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/([\\|*_`[\]<>])/g, '\\$1');
}

function markdownCell(cell: Cell): string {
  const body = markdownEscape(cell.text);
  const bold = cell.bold ? `**${body}**` : body;
  return `${'&emsp;'.repeat(cell.indent ?? 0)}${bold}`;
}

function toMarkdown(model: TableModel): string {
  return [
    `**${markdownEscape(model.caption)}**`,
    '',
    `| ${model.columns.map((column) => markdownEscape(column.header)).join(' | ')} |`,
    `| ${model.columns.map((column) => (column.align === 'r' ? '---:' : ':---')).join(' | ')} |`,
    ...model.rows.map((row) => `| ${row.map(markdownCell).join(' | ')} |`),
    '',
    ...model.notes.map((note) => `${markdownEscape(note)}\n`),
  ].join('\n');
}

/** What the file holds, as the first lines of every download. */
export function provenance(analysis: Analysis): string[] {
  const { meta } = analysis;
  return [
    `Concord analysis of project "${meta.project.name}" (${meta.project.slug}), stage "${meta.stage.name}"`,
    `source: ${sourceName(analysis)}; generated ${meta.generatedAt}; Concord ${meta.concordVersion}`,
  ];
}

export function renderTables(analysis: Analysis, format: TableFormat, table: TableName | null): string {
  const models = tableModels(analysis, table);
  if (format === 'latex') {
    const header = [...provenance(analysis), 'Needs \\usepackage{booktabs} in the preamble.'].map(
      (line) => `% ${line.replace(/\s+/g, ' ')}`,
    );
    return `${[...header, '', models.map(toLatex).join('\n\n')].join('\n')}\n`;
  }
  const header = provenance(analysis).map((line) => `<!-- ${line.replace(/--/g, '-')} -->`);
  return `${[...header, '', models.map(toMarkdown).join('\n')].join('\n').trimEnd()}\n`;
}
