// Signing in through the UI: the owner's tour of the demo project, and a wrong password.
import { expect, test } from '@playwright/test';
import { signIn, DEMO_PROJECT } from './support/demo.ts';

test('the owner signs in, browses the demo project and signs out', async ({ page }) => {
  // A signed-out visitor is sent to sign in first.
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, 'owner@demo.concord');
  await expect(page).toHaveURL(/\/projects$/);

  const projectLink = page.getByRole('link', { name: DEMO_PROJECT });
  await expect(projectLink).toBeVisible();
  await projectLink.click();

  // Overview: the project, my role, its counts and stages.
  await expect(page.getByRole('heading', { level: 1, name: DEMO_PROJECT })).toBeVisible();
  await expect(page.getByRole('main').getByText('owner', { exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Relevance' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Challenges' })).toBeVisible();

  // Issues: the real list, paginated, and the search narrows it.
  await page.getByRole('link', { name: 'Issues', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Issues' })).toBeVisible();
  const count = page.getByTestId('issues-count');
  await expect(count).toHaveText('1–25 of 60 issues');
  const issueRows = page.getByRole('table', { name: 'Issues' }).locator('tbody tr');
  await expect(issueRows).toHaveCount(25);
  const firstGithubLink = page.getByRole('link', { name: /on GitHub/ }).first();
  await expect(firstGithubLink).toHaveAttribute('target', '_blank');
  await expect(firstGithubLink).toHaveAttribute('rel', 'noopener noreferrer');

  await page.getByLabel('Search issues').fill('CUDA out of memory');
  await expect(count).toContainText('matching “CUDA out of memory”');
  await expect(count).not.toContainText('60 issues');
  const matches = await issueRows.count();
  expect(matches).toBeGreaterThan(0);
  expect(matches).toBeLessThan(25);
  for (const title of await issueRows.locator('td:nth-child(3)').allInnerTexts()) {
    expect(title).toContain('CUDA out of memory');
  }
  await expect(page).toHaveURL(/[?&]q=CUDA/);

  // Members: the owner sees everyone in the project.
  await page.getByRole('link', { name: 'Members', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  const members = page.getByRole('table', { name: 'Members' });
  for (const email of ['owner@demo.concord', 'lead@demo.concord', 'coder1@demo.concord', 'coder2@demo.concord']) {
    await expect(members.getByRole('cell', { name: email })).toBeVisible();
  }

  // Sign out, and the session is really gone.
  await page.getByRole('button', { name: 'Olivia Owner: account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect((await page.request.get('/api/auth/me')).status()).toBe(401);
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/login\?next=%2Fprojects/);
});

test('a wrong password shows the error and stays on the sign-in page', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('owner@demo.concord');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'Wrong email or password.' })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Concord' })).toBeVisible();
  expect((await page.request.get('/api/auth/me')).status()).toBe(401);
});
