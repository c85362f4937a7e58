// The OpenAPI page works in a real browser under the app's Content-Security-Policy.
import { expect, test } from '@playwright/test';

test('the API documentation renders at /api/docs', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/api/docs');
  await expect(page.getByText('Concord API', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('/api/projects/{projectId}/stages/{stageId}/agreement').first()).toBeVisible();
  expect(violations).toEqual([]);
});
