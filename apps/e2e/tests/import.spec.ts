// Importing from GitHub through the UI (against the fake GitHub the config starts): the page
// explains that the server has no token, the pasted token starts the job, the progress bar
// reaches 100%, then the imported issues are searched and a seeded sample is saved as a set.
// A large import is stopped half-way, and what it stored stays.
import { expect, test, type Page } from '@playwright/test';
import { FAKE_GITHUB_LARGE_REPOSITORY, FAKE_GITHUB_TOKEN } from './support/fake-github.ts';
import { signIn } from './support/demo.ts';

async function openImportPageOfNewProject(page: Page, name: string) {
  await signIn(page, 'owner@demo.concord');
  await page.getByRole('button', { name: 'New project' }).first().click();
  await page.getByLabel('Name').fill(`${name} ${Date.now()}`);
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
}

test('import from GitHub, watch the progress, search and save a sample', async ({ page }) => {
  test.setTimeout(90_000);
  await openImportPageOfNewProject(page, 'Import journey');

  // The demo server has no GitHub token: the page says so before anyone tries.
  await expect(page.getByText('No GitHub token on this server')).toBeVisible();
  await page.getByRole('textbox', { name: 'Repositories' }).fill('concord-e2e/models');
  await page.getByRole('textbox', { name: 'GitHub token' }).fill(FAKE_GITHUB_TOKEN);
  await page.getByRole('button', { name: 'Start import' }).click();

  // The bar reaches 100% without a reload (polled progress), and is still right after one.
  await expect(page.getByRole('progressbar', { name: /concord-e2e\/models/ })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'concord-e2e/models: 100%' })).toBeVisible({ timeout: 60_000 });
  await page.reload();
  await expect(page.getByRole('progressbar', { name: 'concord-e2e/models: 100%' })).toBeVisible();
  await expect(page.getByTestId('import-progress').getByText(/150 of 150 issues/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Repositories' }).getByRole('cell', { name: '150', exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Issues' }).click();
  await page.getByLabel('Search issues').fill('tokenizer');
  await expect(page.getByTestId('issues-count')).toContainText('matching “tokenizer”');
  await expect(page.locator('mark').first()).toHaveText(/tokenizer/i);

  await page.getByRole('button', { name: 'Save as an issue set' }).click();
  await expect(page.getByTestId('suggested-size')).toContainText('Suggested sample');
  await page.getByLabel('Sample size').fill('10');
  await page.getByLabel('Seed').fill('e2e-seed');
  await page.getByLabel('Issue set name').fill('Tokenizer sample');
  await page.getByRole('button', { name: 'Save a sample of 10' }).click();
  await expect(page.getByText('Issue set saved')).toBeVisible();
  await expect(page.getByTestId('issues-count')).toHaveText('1–10 of 10 issues');
  await expect(page.getByRole('combobox', { name: 'Issue set' })).toHaveValue('Tokenizer sample (10)');
});

test('a lead stops a large import half-way; the issues stored so far stay', async ({ page }) => {
  await openImportPageOfNewProject(page, 'Stopped import');
  await page.getByRole('textbox', { name: 'Repositories' }).fill(FAKE_GITHUB_LARGE_REPOSITORY);
  await page.getByRole('textbox', { name: 'GitHub token' }).fill(FAKE_GITHUB_TOKEN);
  await page.getByRole('button', { name: 'Start import' }).click();

  const progress = page.getByTestId('import-progress');
  // Under way: some pages stored, not all.
  await expect(progress.getByText(/[1-9][\d,]* of 3,000 issues/)).toBeVisible({ timeout: 20_000 });
  await progress.getByRole('button', { name: 'Stop import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stop this import?' });
  await expect(dialog).toContainText('imported so far stay');
  await dialog.getByRole('button', { name: 'Stop import' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('heading', { name: 'Latest import' })).toBeVisible();
  await expect(progress.getByText('cancelled', { exact: true })).toHaveCount(2);
  await expect(progress.getByRole('button', { name: 'Stop import' })).toHaveCount(0);
  // The count stops moving, and the repository holds exactly the issues the bar counted.
  const fetched = async () => Number((await progress.getByText(/ of 3,000 issues/).innerText()).split(' of ')[0]!.replace(/,/g, ''));
  await page.waitForTimeout(1500);
  await page.reload();
  const stored = await fetched();
  expect(stored).toBeGreaterThan(0);
  expect(stored).toBeLessThan(3000);
  await expect(
    page.getByRole('table', { name: 'Repositories' }).getByRole('cell', { name: stored.toLocaleString('en-US'), exact: true }),
  ).toBeVisible();
  await page.waitForTimeout(1000);
  await page.reload();
  expect(await fetched()).toBe(stored);
});
