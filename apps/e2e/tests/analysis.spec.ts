// The Analysis page against the API's own numbers, whatever the demo seed contains: totals,
// distribution per theme and code, resolution time, tests and the methods summary, for final
// labels and raw codings; and the LaTeX / Markdown tables downloaded through the UI.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { signIn, DEMO_PROJECT, demoProjectId } from './support/demo.ts';

interface Row {
  code: { id: string; name: string; definition: string };
  issues: number;
  issueShare: number | null;
  instances: number;
}
interface Time {
  code: { id: string };
  time: { n: number; median: number | null };
}
interface Analysis {
  totals: { issues: number; units: number; instances: number };
  distribution: { perCode: Row[]; perTheme: Row[] };
  resolutionTime: {
    closedIssues: number;
    openIssues: number;
    perTheme: Time[];
    relevance: { mannWhitney: { value: number | null; p: number | null } };
    themes: { kruskalWallis: { value: number | null } };
  };
  methods: { rows: unknown[]; sentence: string };
}

// The page's formatting, restated.
const days = (value: number | null) => (value === null ? '—' : value.toFixed(1));
const percent = (share: number | null) => (share === null ? '–' : (share * 100).toFixed(1));

async function stageId(page: Page, projectId: string, name: string): Promise<string> {
  const response = await page.request.get(`/api/projects/${projectId}`);
  const stage = ((await response.json()) as { stages: { id: string; name: string }[] }).stages.find((entry) => entry.name === name);
  expect(stage, `the demo has a ${name} stage`).toBeDefined();
  return stage!.id;
}

async function fetchAnalysis(page: Page, projectId: string, stage: string, source: 'final' | 'codings'): Promise<Analysis> {
  const response = await page.request.get(`/api/projects/${projectId}/stages/${stage}/analysis?source=${source}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Analysis;
}

async function expectRows(page: Page, rows: Row[]) {
  await expect(page.getByTestId('distribution-row')).toHaveCount(rows.length);
  for (const row of rows) {
    const line = page.locator(`[data-testid="distribution-row"][data-code-id="${row.code.id}"]`);
    await expect(line.locator('[data-column="issues"]')).toHaveText(String(row.issues));
    await expect(line.locator('[data-column="instances"]')).toHaveText(String(row.instances));
  }
}

/** Every number the page shows for this analysis is the API's. */
async function expectAnalysisOnPage(page: Page, analysis: Analysis) {
  await expect(page.getByTestId('analysis-totals')).toHaveText(
    `${analysis.totals.instances} code applications in ${analysis.totals.issues} issues`,
  );
  await expectRows(page, analysis.distribution.perTheme);
  await page.getByText(/^Codes \(\d+\)$/).click();
  await expectRows(page, analysis.distribution.perCode);

  const time = analysis.resolutionTime;
  await expect(page.getByTestId('time-counts')).toContainText(
    `${time.closedIssues} closed issues measured; ${time.openIssues} open issues`,
  );
  for (const row of time.perTheme) {
    const line = page.locator(`[data-testid="time-row"][data-code-id="${row.code.id}"]`);
    await expect(line.locator('[data-column="n"]')).toHaveText(String(row.time.n));
    await expect(line.locator('[data-column="median"]')).toHaveText(days(row.time.median));
  }
  const kw = time.themes.kruskalWallis.value;
  if (kw !== null) await expect(page.getByTestId('kruskal-wallis-h')).toHaveText(kw.toFixed(2));
  const mw = time.relevance.mannWhitney.value;
  if (mw !== null) await expect(page.getByTestId('mann-whitney-u')).toHaveText(mw.toFixed(1));

  await expect(page.getByTestId('methods-row')).toHaveCount(analysis.methods.rows.length);
  await expect(page.getByTestId('methods-sentence')).toHaveText(analysis.methods.sentence);
}

test('a lead reads the analysis of each source, equal to the API, and downloads LaTeX and Markdown tables', async ({ page }) => {
  await signIn(page, 'lead@demo.concord');
  const projectId = await demoProjectId(page);
  const challenges = await stageId(page, projectId, 'Challenges');

  await page.getByRole('link', { name: DEMO_PROJECT }).click();
  const navLink = page.getByRole('link', { name: 'Analysis', exact: true });
  await expect(navLink).not.toContainText('soon');
  await navLink.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analysis' })).toBeVisible();
  await page.getByRole('tab', { name: 'Challenges' }).click();

  // Final labels: real numbers once review has settled some, else an honest empty state.
  const final = await fetchAnalysis(page, projectId, challenges, 'final');
  if (final.totals.issues === 0) await expect(page.getByText('No final labels in this stage yet')).toBeVisible();
  else await expectAnalysisOnPage(page, final);

  await page.getByText('Raw codings per coder', { exact: true }).click();
  await expect(page).toHaveURL(/[?&]source=codings/);
  const codings = await fetchAnalysis(page, projectId, challenges, 'codings');
  expect(codings.totals.issues, 'the demo has submitted codings in a closed Challenges round').toBeGreaterThan(0);
  await expectAnalysisOnPage(page, codings);

  // Downloads, through the menu, hold the taxonomy's rows with the API's counts.
  await page.getByRole('button', { name: 'Download' }).click();
  const markdownDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Tables (Markdown)' }).click();
  const markdown = await readFile(await (await markdownDownload).path(), 'utf8');
  expect(markdown).toMatch(/^<!-- Concord analysis of project "Challenges in reusing pre-trained models \(demo\)"/);
  expect(markdown).toContain('| Category | Definition | Issues | % issues | Instances |');
  for (const theme of codings.distribution.perTheme) {
    expect(markdown).toMatch(
      new RegExp(`\\| \\*\\*${theme.code.name}\\*\\* \\|.*\\| ${theme.issues} \\| ${percent(theme.issueShare)} \\| ${theme.instances} \\|`),
    );
  }
  expect(markdown).toContain(codings.methods.sentence.slice(0, 40));

  await page.getByRole('button', { name: 'Download' }).click();
  const latexDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Tables (LaTeX, booktabs)' }).click();
  const latex = await readFile(await (await latexDownload).path(), 'utf8');
  expect(latex).toMatch(/^% Concord analysis of project/);
  expect(latex).toContain('\\toprule');
  expect(latex).toContain('\\label{tab:resolution-time}');
  expect(latex).toContain('\\label{tab:agreement}');
  for (const theme of codings.distribution.perTheme) {
    expect(latex).toContain(`\\textbf{${theme.code.name}} & `);
    expect(latex).toContain(` & ${theme.issues} & ${percent(theme.issueShare)} & ${theme.instances} \\\\`);
  }
});

test('a coder sees raw codings of closed rounds only, with the numbers the API gives a coder', async ({ page }) => {
  await signIn(page, 'coder1@demo.concord');
  const projectId = await demoProjectId(page);
  const relevance = await stageId(page, projectId, 'Relevance');
  await page.goto(`/projects/${projectId}/analysis?stage=${relevance}&source=codings`);
  const analysis = await fetchAnalysis(page, projectId, relevance, 'codings');
  await expect(page.getByTestId('analysis-totals')).toHaveText(
    `${analysis.totals.instances} code applications in ${analysis.totals.issues} issues`,
  );
  await expect(page.getByText('Issues that a round still open drew are left out', { exact: false })).toBeVisible();
});
