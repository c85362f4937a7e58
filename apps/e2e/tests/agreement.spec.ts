// The Agreement page against the API's own numbers: a lead walks the demo's stages and rounds and
// opens the issues behind a confusion cell; a coder sees the report of a closed round.
import { expect, test, type Page } from '@playwright/test';
import { signIn, DEMO_PROJECT, demoProjectId } from './support/demo.ts';

interface Statistic {
  value: number | null;
}
interface Report {
  n: { issues: number };
  overall: { kappa: Statistic; percentAgreement: Statistic };
  perCode: unknown[];
  rounds: { number: number; name: string }[];
}

// The page's formatting, restated: 3 decimals, percentages with 1 decimal.
const coefficient = (value: number) => (value.toFixed(3) === '-0.000' ? '0.000' : value.toFixed(3));
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

async function stageId(page: Page, projectId: string, name: string): Promise<string> {
  const response = await page.request.get(`/api/projects/${projectId}`);
  expect(response.status()).toBe(200);
  const stage = ((await response.json()) as { stages: { id: string; name: string }[] }).stages.find((entry) => entry.name === name);
  expect(stage, `the demo has a ${name} stage`).toBeDefined();
  return stage!.id;
}

async function fetchReport(page: Page, projectId: string, stage: string, round?: number): Promise<Report> {
  const query = round === undefined ? '' : `?round=${round}`;
  const response = await page.request.get(`/api/projects/${projectId}/stages/${stage}/agreement${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Report;
}

/** The headline numbers on screen are the API's, formatted the same way. */
async function expectNumbersOf(page: Page, report: Report) {
  const { kappa, percentAgreement } = report.overall;
  expect(kappa.value, 'the demo has a headline kappa').not.toBeNull();
  expect(percentAgreement.value).not.toBeNull();
  await expect(page.getByTestId('headline-kappa')).toHaveText(coefficient(kappa.value!));
  await expect(page.getByTestId('percent-agreement')).toHaveText(percent(percentAgreement.value!));
}

test('a lead reads agreement per stage and round, and opens the issues behind a confusion cell', async ({ page }) => {
  await signIn(page, 'lead@demo.concord');
  const projectId = await demoProjectId(page);
  const relevance = await stageId(page, projectId, 'Relevance');

  await page.getByRole('link', { name: DEMO_PROJECT }).click();
  const navLink = page.getByRole('link', { name: 'Agreement', exact: true });
  await expect(navLink).not.toContainText('soon');
  await navLink.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agreement' })).toBeVisible();

  await page.getByRole('tab', { name: 'Relevance' }).click();
  await expect(page.getByRole('tab', { name: 'Relevance' })).toHaveAttribute('aria-selected', 'true');
  const all = await fetchReport(page, projectId, relevance);
  await expectNumbersOf(page, all);
  await expect(page.getByText("Cohen's κ", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download CSV' })).toHaveAttribute(
    'href',
    `/api/projects/${projectId}/stages/${relevance}/agreement?format=csv`,
  );

  // Two calibration rounds, agreement improving from the first to the second.
  expect(all.rounds.map((round) => round.number)).toEqual([1, 2]);
  const roundSelect = page.getByLabel('Round', { exact: true });
  await roundSelect.selectOption({ label: `Round 1: ${all.rounds[0]!.name}` });
  await expect(page).toHaveURL(/[?&]round=1(&|$)/);
  const round1 = await fetchReport(page, projectId, relevance, 1);
  await expectNumbersOf(page, round1);

  await roundSelect.selectOption({ label: `Round 2: ${all.rounds[1]!.name}` });
  await expect(page).toHaveURL(/[?&]round=2(&|$)/);
  const round2 = await fetchReport(page, projectId, relevance, 2);
  await expectNumbersOf(page, round2);
  expect(round2.overall.kappa.value!).toBeGreaterThan(round1.overall.kappa.value!);
  await expect(page.getByRole('table', { name: /per round/ }).getByRole('row')).toHaveCount(3);

  // A reload keeps the stage and round of the URL.
  await page.reload();
  await expect(roundSelect).toHaveValue('2');
  await expectNumbersOf(page, round2);

  // An off-diagonal cell of the confusion matrix lists its issues, as many as it counts.
  await roundSelect.selectOption({ label: 'All rounds' });
  await expectNumbersOf(page, all);
  const cell = page
    .getByRole('table', { name: /^Confusion matrix/ })
    .getByRole('button')
    .first();
  const count = Number(await cell.innerText());
  expect(count).toBeGreaterThan(0);
  await cell.click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toBeVisible();
  const issues = drawer.getByRole('list', { name: 'Disagreeing issues' }).getByRole('listitem');
  await expect(issues).toHaveCount(count);
  const github = issues.first().getByRole('link');
  await expect(github).toHaveAttribute('target', '_blank');
  await expect(github).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(issues.first()).toContainText('Chloe Coder');
  await expect(issues.first()).toContainText('Carlos Coder');
  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(drawer).toBeHidden();

  // The multi-label stage: its own numbers and a row per code.
  await page.getByRole('tab', { name: 'Challenges' }).click();
  await expect(page).not.toHaveURL(/[?&]round=/);
  const challenges = await fetchReport(page, projectId, await stageId(page, projectId, 'Challenges'));
  await expectNumbersOf(page, challenges);
  const perCode = page.getByRole('table', { name: 'Agreement per code' });
  await expect(perCode).toBeVisible();
  expect(challenges.perCode.length).toBeGreaterThan(0);
  await expect(perCode.locator('tbody tr')).toHaveCount(challenges.perCode.length);
});

test('a coder sees the agreement of a closed round', async ({ page }) => {
  await signIn(page, 'coder1@demo.concord');
  const projectId = await demoProjectId(page);
  const relevance = await stageId(page, projectId, 'Relevance');

  await page.goto(`/projects/${projectId}/agreement?stage=${relevance}&round=1`);
  await expect(page.getByRole('heading', { level: 1, name: 'Agreement' })).toBeVisible();
  const round1 = await fetchReport(page, projectId, relevance, 1);
  await expectNumbersOf(page, round1);
  await expect(page.getByText('Agreement is shown to coders once the round is closed')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Kappa per coder pair' })).toBeVisible();
});
