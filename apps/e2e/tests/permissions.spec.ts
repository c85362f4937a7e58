// A coder cannot manage members: no Members link, a friendly page at its address, 403 from the API.
import { expect, test, type Page } from '@playwright/test';

const PASSWORD = 'concord-demo';
const DEMO_PROJECT = 'Challenges in reusing pre-trained models (demo)';

async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
}

async function demoProjectId(page: Page): Promise<string> {
  const response = await page.request.get('/api/projects');
  expect(response.status()).toBe(200);
  const projects = (await response.json()) as { id: string; name: string }[];
  const demo = projects.find((project) => project.name === DEMO_PROJECT);
  expect(demo, 'the demo project is in my list').toBeDefined();
  return demo!.id;
}

test('a coder opening the members page gets "Not allowed" and sees no Members link', async ({ page }) => {
  await signIn(page, 'coder1@demo.concord');
  const projectId = await demoProjectId(page);

  await page.goto(`/projects/${projectId}/members`);
  await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
  await expect(page.getByText('Only project owners manage members')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Members' })).toHaveCount(0);

  // The project navigation is there, without Members.
  await expect(page.getByRole('link', { name: 'Issues', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Members', exact: true })).toHaveCount(0);

  // The API itself refuses, with the one error shape.
  const response = await page.request.get(`/api/projects/${projectId}/members`);
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });

  // The coder still reaches the project overview, with their role.
  await page.getByRole('link', { name: 'Back to the project overview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_PROJECT })).toBeVisible();
  await expect(page.getByRole('main').getByText('coder', { exact: true })).toBeVisible();
});
