// The Rounds page against the API: a lead reads the Relevance calibration sequence with the
// agreement report's kappas, is told why Challenges has no issue to draw, then draws, opens and
// closes a seeded round of five issues for both demo coders; a coder reads the list read-only.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { signIn, DEMO_PROJECT, demoProjectId } from './support/demo.ts';

interface Round {
  id: string;
  number: number;
  name: string;
  status: 'draft' | 'open' | 'closed';
  seed: string | null;
  issues: number;
  coders: { id: string; name: string }[];
  progress: { assigned: number; submitted: number };
}
interface Kappa {
  value: number | null;
  ci95: [number, number] | null;
  band: string | null;
}
interface Report {
  rounds: { number: number; overall: { kappa: Kappa } }[];
}

// The page's formatting, restated: coefficients with 3 decimals, never "-0.000".
const coefficient = (value: number) => (value.toFixed(3) === '-0.000' ? '0.000' : value.toFixed(3));

async function stageId(page: Page, projectId: string, name: string): Promise<string> {
  const response = await page.request.get(`/api/projects/${projectId}`);
  expect(response.status()).toBe(200);
  const stage = ((await response.json()) as { stages: { id: string; name: string }[] }).stages.find((entry) => entry.name === name);
  expect(stage, `the demo has a ${name} stage`).toBeDefined();
  return stage!.id;
}

async function fetchRounds(page: Page, projectId: string, stage: string): Promise<Round[]> {
  const response = await page.request.get(`/api/projects/${projectId}/stages/${stage}/rounds`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Round[];
}

async function fetchReport(page: Page, projectId: string, stage: string): Promise<Report> {
  const response = await page.request.get(`/api/projects/${projectId}/stages/${stage}/agreement`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Report;
}

/** The row of the round with this name: its row header holds the name alone. */
const rowOf = (table: Locator, name: string) =>
  table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name, exact: true }) });

async function pickCoders(dialog: Locator, names: string[]) {
  await dialog.getByRole('combobox', { name: 'Coders' }).click();
  for (const name of names) await dialog.page().getByRole('option', { name, exact: true }).click();
}

test('a lead reads the calibration sequence, then draws, opens and closes a seeded round', async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, 'lead@demo.concord');
  const projectId = await demoProjectId(page);
  const relevance = await stageId(page, projectId, 'Relevance');

  await page.getByRole('link', { name: DEMO_PROJECT }).click();
  const navLink = page.getByRole('link', { name: 'Rounds', exact: true });
  await expect(navLink).not.toContainText('soon');
  await navLink.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rounds' })).toBeVisible();
  // Relevance, the first stage, is shown first.
  await expect(page.getByRole('tab', { name: 'Relevance' })).toHaveAttribute('aria-selected', 'true');
  const table = page.getByRole('table', { name: 'Rounds of Relevance' });
  await expect(table).toBeVisible();

  // Rounds 1 and 2 closed, with the agreement report's kappa, CI and band; round 3 open.
  const rounds = await fetchRounds(page, projectId, relevance);
  const report = await fetchReport(page, projectId, relevance);
  for (const number of [1, 2]) {
    const round = rounds.find((entry) => entry.number === number)!;
    expect(round.status).toBe('closed');
    const row = rowOf(table, round.name);
    await expect(row.getByText('closed', { exact: true })).toBeVisible();
    const kappa = report.rounds.find((entry) => entry.number === number)!.overall.kappa;
    expect(kappa.value, `round ${number} has a kappa`).not.toBeNull();
    await expect(row.getByTestId('round-kappa')).toHaveText(coefficient(kappa.value!));
    await expect(row.getByTestId('round-ci')).toHaveText(`[${coefficient(kappa.ci95![0])}, ${coefficient(kappa.ci95![1])}]`);
    await expect(row.getByText(kappa.band!, { exact: true })).toBeVisible();
    await expect(row.getByTestId('round-overlap')).toHaveText('every issue to all 2 coders');
    await expect(row.getByRole('button', { name: `Reopen ${round.name}` })).toBeVisible();
  }
  const third = rounds.find((entry) => entry.number === 3)!;
  expect(third.status).toBe('open');
  await expect(rowOf(table, third.name).getByText('open', { exact: true })).toBeVisible();
  await expect(rowOf(table, third.name).getByRole('button', { name: `Close ${third.name}` })).toBeVisible();

  // Challenges codes only issues whose Relevance final label is PTM-related and that no Challenges
  // round drew yet. The demo's are all drawn; closing a Relevance round (the coding journey closes
  // round 3) finalises its agreed issues and may add some: the dialog draws exactly those, or shows
  // the API's refusal when there are none.
  const challenges = await stageId(page, projectId, 'Challenges');
  const ptm = (
    (await (await page.request.get(`/api/projects/${projectId}/stages/${relevance}/review?status=all&pageSize=500`)).json()) as {
      items: { issueId: string; finalCodeIds: string[] | null }[];
    }
  ).items;
  const ptmCode = (
    (await (await page.request.get(`/api/projects/${projectId}/stages/${relevance}/codebook`)).json()) as {
      codes: { id: string; name: string }[];
    }
  ).codes.find((code) => code.name === 'PTM-related')!.id;
  const drawn = (
    (await (await page.request.get(`/api/projects/${projectId}/stages/${challenges}/review?status=all&pageSize=500`)).json()) as {
      items: { issueId: string }[];
    }
  ).items.map((item) => item.issueId);
  const eligible = ptm.filter((item) => item.finalCodeIds?.includes(ptmCode) && !drawn.includes(item.issueId));
  const roundsBefore = (await fetchRounds(page, projectId, challenges)).length;
  await page.getByRole('tab', { name: 'Challenges' }).click();
  await expect(page.getByRole('table', { name: 'Rounds of Challenges' })).toBeVisible();
  await page.getByRole('button', { name: 'New round' }).click();
  let dialog = page.getByRole('dialog', { name: 'New round in Challenges' });
  await expect(dialog).toBeVisible();
  // A lead may not list the members: the coders of earlier rounds are offered instead.
  await expect(dialog.getByText(/Only owners can list the project’s members/)).toBeVisible();
  await pickCoders(dialog, ['Chloe Coder']);
  await dialog.getByRole('button', { name: 'Create round' }).click();
  if (eligible.length === 0) {
    await expect(dialog.getByRole('alert')).toContainText('No issue is left to assign in this stage.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  } else {
    await expect(dialog).toBeHidden();
    const after = await fetchRounds(page, projectId, challenges);
    expect(after).toHaveLength(roundsBefore + 1);
    expect(after.at(-1)).toMatchObject({ status: 'draft', issues: eligible.length });
  }

  // A seeded sample of five Relevance issues for both coders, every issue to each: 10 assignments.
  const name = `E2E sample ${Date.now().toString(36)}`;
  await page.getByRole('tab', { name: 'Relevance' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]stage=${relevance}(&|$)`));
  await expect(table).toBeVisible();
  await page.getByRole('button', { name: 'New round' }).click();
  dialog = page.getByRole('dialog', { name: 'New round in Relevance' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Sample size').fill('5');
  await pickCoders(dialog, ['Chloe Coder', 'Carlos Coder']);
  await dialog.getByLabel('Seed').fill('e2e');
  await expect(dialog.getByRole('radio', { name: 'All coders' })).toBeChecked();
  await expect(dialog.getByTestId('overlap-summary')).toHaveText('With 2 coders: every issue to all 2 coders.');
  await expect(dialog.getByRole('switch', { name: 'Open for coding at once' })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Create round' }).click();
  await expect(dialog).toBeHidden();

  const row = rowOf(table, name);
  await expect(row.getByText('draft', { exact: true })).toBeVisible();
  await expect(row.getByTestId('round-issues')).toHaveText('5 issues');
  await expect(row.getByTestId('round-progress')).toHaveText('0 of 10 submitted');
  await expect(row.getByTestId('round-overlap')).toHaveText('every issue to all 2 coders');
  await expect(row).toContainText('Carlos Coder, Chloe Coder');
  await expect(row.getByTestId('round-seed')).toHaveText('e2e');
  const created = (await fetchRounds(page, projectId, relevance)).find((entry) => entry.name === name);
  expect(created).toMatchObject({ status: 'draft', seed: 'e2e', issues: 5, progress: { assigned: 10, submitted: 0 } });
  expect(created!.coders.map((coder) => coder.name)).toEqual(['Carlos Coder', 'Chloe Coder']);

  await row.getByRole('button', { name: `Open ${name}` }).click();
  await expect(row.getByText('open', { exact: true })).toBeVisible();
  await expect(row.getByTestId('round-progress')).toHaveText('0 of 10 submitted');

  // Closing asks first, since it unblinds the codings.
  await row.getByRole('button', { name: `Close ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: `Close ${name}?` });
  await expect(confirm).toContainText('Closing unblinds the codings');
  await expect(confirm).toContainText('10 assignments of 10 are not submitted yet.');
  await confirm.getByRole('button', { name: 'Close round' }).click();
  await expect(confirm).toBeHidden();
  await expect(row.getByText('closed', { exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: `Reopen ${name}` })).toBeVisible();
  const closed = (await fetchRounds(page, projectId, relevance)).find((entry) => entry.name === name);
  expect(closed?.status).toBe('closed');

  // The stage and its rounds survive a reload.
  await page.reload();
  await expect(rowOf(table, name).getByText('closed', { exact: true })).toBeVisible();
});

test('a coder reads the rounds with their own progress and no actions', async ({ page }) => {
  await signIn(page, 'coder1@demo.concord');
  const projectId = await demoProjectId(page);
  const relevance = await stageId(page, projectId, 'Relevance');
  const rounds = await fetchRounds(page, projectId, relevance);

  await page.goto(`/projects/${projectId}/rounds?stage=${relevance}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Rounds' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Rounds of Relevance' });
  await expect(table.getByRole('columnheader', { name: 'Your progress' })).toBeVisible();
  for (const round of rounds) {
    await expect(rowOf(table, round.name).getByTestId('round-progress')).toHaveText(
      `${round.progress.submitted} of ${round.progress.assigned} submitted`,
    );
  }
  const third = rounds.find((entry) => entry.number === 3)!;
  // Only my own assignments count: the demo's round 3 gives each coder its ten issues.
  expect(third.progress.assigned).toBe(third.issues);
  await expect(page.getByRole('button', { name: 'New round' })).toHaveCount(0);
  await expect(table.getByRole('button')).toHaveCount(0);
});
