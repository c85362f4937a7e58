// The demo project every journey starts from (seeded by the server the config starts), and
// signing in through the real sign-in form.
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'concord-demo';
export const DEMO_PROJECT = 'Challenges in reusing pre-trained models (demo)';

export async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
}

/** The demo project's id, read through the API with the page's session. */
export async function demoProjectId(page: Page): Promise<string> {
  const response = await page.request.get('/api/projects');
  expect(response.status()).toBe(200);
  const projects = (await response.json()) as { id: string; name: string }[];
  const demo = projects.find((project) => project.name === DEMO_PROJECT);
  expect(demo, 'the demo project is in my list').toBeDefined();
  return demo!.id;
}
