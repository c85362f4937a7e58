// API tokens on the Account page: created with its secret shown once, usable, then revoked.
import { expect, test } from '@playwright/test';
import { signIn } from './support/demo.ts';

test('the owner creates an API token, sees its secret once, and revokes it', async ({ page }) => {
  await signIn(page, 'owner@demo.concord');
  await page.getByRole('button', { name: 'Olivia Owner: account menu' }).click();
  await page.getByRole('menuitem', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();

  const tokenName = `e2e notebook ${Date.now()}`;
  await page.getByLabel('Token name').fill(tokenName);
  await page.getByRole('button', { name: 'Create token' }).click();

  const secretField = page.getByLabel('Token secret');
  await expect(secretField).toBeVisible();
  await expect(page.getByText('shown only this once')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy to clipboard' })).toBeVisible();
  const secret = await secretField.inputValue();
  expect(secret.length).toBeGreaterThan(20);

  const tokens = page.getByRole('table', { name: 'API tokens' });
  await expect(tokens.getByRole('cell', { name: tokenName, exact: true })).toBeVisible();

  // The secret is real: it authenticates as the owner.
  const asToken = await page.request.get('/api/auth/me', { headers: { authorization: `Bearer ${secret}` } });
  expect(asToken.status()).toBe(200);
  expect((await asToken.json()).user.email).toBe('owner@demo.concord');

  // Once dismissed, the secret is gone for good, even after a reload.
  await page.getByRole('button', { name: 'I have copied it' }).click();
  await expect(secretField).toHaveCount(0);
  await page.reload();
  await expect(tokens.getByRole('cell', { name: tokenName, exact: true })).toBeVisible();
  await expect(page.getByLabel('Token secret')).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);

  await page.getByRole('button', { name: `Revoke ${tokenName}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke token?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Revoke token' }).click();
  await expect(dialog).toBeHidden();
  await expect(tokens.getByRole('cell', { name: tokenName, exact: true })).toHaveCount(0);

  const afterRevoke = await page.request.get('/api/auth/me', { headers: { authorization: `Bearer ${secret}` } });
  expect(afterRevoke.status()).toBe(401);
});
