// The owner adds a new person to the project and hands over the temporary password shown once.
import { expect, request, test } from '@playwright/test';
import { signIn, DEMO_PROJECT } from './support/demo.ts';

test('the owner adds a new member and sees the temporary password', async ({ page, baseURL }) => {
  await signIn(page, 'owner@demo.concord');
  await page.getByRole('link', { name: DEMO_PROJECT }).click();
  await page.getByRole('link', { name: 'Members', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();

  const email = `nora.${Date.now()}@example.org`;
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Name', { exact: true }).fill('Nora Newcomer');
  await page.getByLabel('Role', { exact: true }).selectOption('lead');
  await page.getByRole('button', { name: 'Add member' }).click();

  const passwordField = page.getByLabel('Temporary password');
  await expect(passwordField).toBeVisible();
  await expect(page.getByText('Account created for Nora Newcomer')).toBeVisible();
  const temporaryPassword = await passwordField.inputValue();
  expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);

  const row = page.getByRole('table', { name: 'Members' }).getByRole('row').filter({ hasText: email });
  await expect(row).toBeVisible();
  await expect(row.getByLabel('Role of Nora Newcomer')).toHaveValue('lead');

  // The temporary password signs the new member in (in a separate, cookie-less client).
  const client = await request.newContext({ baseURL });
  const login = await client.post('/api/auth/login', { data: { email, password: temporaryPassword } });
  expect(login.status()).toBe(200);
  await client.dispose();

  await page.getByRole('button', { name: 'I have copied it' }).click();
  await expect(page.getByLabel('Temporary password')).toHaveCount(0);
});
