// A coder cannot manage members: no Members link, a friendly page at its address, 403 from the API.
import { expect, test } from '@playwright/test';
import { signIn, DEMO_PROJECT, demoProjectId } from './support/demo.ts';

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
