// The Codebook area: a lead creates a stage, builds a small tree, renames a code, drags it to
// another parent with the keyboard and finds both changes in the history; a coder reads the same
// codebook without any way to change it.
import { expect, test, type Page } from '@playwright/test';
import { signIn, DEMO_PROJECT, demoProjectId } from './support/demo.ts';

interface Codebook {
  version: number;
  codes: { id: string; name: string; parentId: string | null }[];
}

async function stageIdByName(page: Page, projectId: string, name: string): Promise<string> {
  const response = await page.request.get(`/api/projects/${projectId}/stages`);
  expect(response.status()).toBe(200);
  const stage = ((await response.json()) as { id: string; name: string }[]).find((entry) => entry.name === name);
  expect(stage, `stage ${name} exists`).toBeDefined();
  return stage!.id;
}

async function codebookOf(page: Page, projectId: string, stageId: string): Promise<Codebook> {
  const response = await page.request.get(`/api/projects/${projectId}/stages/${stageId}/codebook`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Codebook;
}

async function addCode(page: Page, opener: string, name: string) {
  await page.getByRole('button', { name: opener }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a code' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Add code' }).click();
  await expect(dialog).toBeHidden();
  await expect(codeButton(page, name)).toBeVisible();
}

const tree = (page: Page) => page.getByRole('list', { name: 'Codes' });
const codeButton = (page: Page, name: string) => tree(page).getByRole('button', { name, exact: true });

test('a lead builds a codebook, renames a code, moves it to another parent with the keyboard and sees it in the history', async ({
  page,
}) => {
  const STAGE = `Themes ${Date.now().toString(36)}`;
  await signIn(page, 'lead@demo.concord');
  const projectId = await demoProjectId(page);
  await page.getByRole('link', { name: DEMO_PROJECT }).click();
  const navLink = page.getByRole('link', { name: 'Codebook', exact: true });
  await expect(navLink).not.toContainText('soon');
  await navLink.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Codebook' })).toBeVisible();
  // The demo's stages, in order.
  await expect(page.getByRole('tab')).toContainText(['Relevance', 'Challenges']);

  // A new stage, last in the order, with an honest empty codebook.
  await page.getByRole('button', { name: 'New stage' }).click();
  const stageDialog = page.getByRole('dialog', { name: 'New stage' });
  await stageDialog.getByLabel('Name').fill(STAGE);
  await stageDialog.getByRole('button', { name: 'Create stage' }).click();
  await expect(stageDialog).toBeHidden();
  await expect(page.getByRole('tab', { name: STAGE })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(`The codebook of “${STAGE}” is empty`)).toBeVisible();
  const stageId = await stageIdByName(page, projectId, STAGE);

  // Two themes, and a code under the first.
  await addCode(page, 'Add the first code', 'Usage');
  await addCode(page, 'Add top-level code', 'Performance');
  await codeButton(page, 'Usage').click();
  await addCode(page, 'Add sub-code', 'Loading');
  let codebook = await codebookOf(page, projectId, stageId);
  const id = (name: string) => codebook.codes.find((code) => code.name === name)!.id;
  expect(codebook.codes.find((code) => code.name === 'Loading')!.parentId).toBe(id('Usage'));

  // Rename it in the detail panel.
  await expect(codeButton(page, 'Loading')).toHaveAttribute('aria-current', 'true');
  const form = page.getByRole('form', { name: 'Edit code' });
  await form.getByLabel('Name').fill('Model loading');
  await form.getByLabel('Definition').fill('The model cannot be loaded from its checkpoint.');
  await form.getByRole('button', { name: 'Save code' }).click();
  await expect(codeButton(page, 'Model loading')).toBeVisible();
  await expect(codeButton(page, 'Loading')).toHaveCount(0);

  // Drag it under "Performance" with the keyboard: pick up, one row down (it becomes the first
  // sub-code of the row above it), drop.
  const handle = tree(page).getByRole('button', { name: 'Drag Model loading' });
  // Each step waits for what the drag-and-drop announces to screen readers, as a person would.
  const announcement = page.getByRole('status').filter({ hasText: /Model loading/ });
  await handle.focus();
  await page.keyboard.press('Space');
  await expect(announcement).toHaveText('Picked up Model loading.');
  await page.keyboard.press('ArrowDown');
  await expect(announcement).toContainText('under Performance');
  await page.keyboard.press('Space');
  await expect(announcement).toContainText('dropped under Performance');
  await expect(page.getByRole('button', { name: 'Collapse Performance' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Collapse Usage' })).toHaveCount(0);
  await expect
    .poll(async () => (await codebookOf(page, projectId, stageId)).codes.find((code) => code.name === 'Model loading')?.parentId)
    .toBe(id('Performance'));
  codebook = await codebookOf(page, projectId, stageId);
  expect(codebook.version).toBe(6);
  await expect(page.getByText('Version 6', { exact: true })).toBeVisible();

  // The history says who changed what, newest first.
  const history = page.getByRole('list', { name: 'Codebook history' });
  await expect(history.getByRole('listitem')).toHaveCount(5);
  await expect(history.getByRole('listitem').first()).toContainText('Moved “Model loading” from “Usage” to “Performance”');
  await expect(history.getByRole('listitem').first()).toContainText('Liam Lead');
  await expect(history).toContainText('Renamed “Loading” to “Model loading” and edited its definition');
  await expect(history).toContainText('Added “Loading” under “Usage”');

  // And back under "Usage" with the mouse: dragged up onto the "Performance" row, it becomes the
  // first sub-code of the row now above it.
  const box = (await tree(page).getByRole('button', { name: 'Drag Model loading' }).boundingBox())!;
  const onto = (await codeButton(page, 'Performance').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 8, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2, onto.y + onto.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect
    .poll(async () => (await codebookOf(page, projectId, stageId)).codes.find((code) => code.name === 'Model loading')?.parentId)
    .toBe(id('Usage'));
  await expect(history.getByRole('listitem').first()).toContainText('Moved “Model loading” from “Performance” to “Usage”');

  // The tree survives a reload; the stage stays chosen through the URL.
  await page.reload();
  await expect(page.getByRole('tab', { name: STAGE })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Collapse Usage' })).toBeVisible();
  await expect(page.getByText('Version 7', { exact: true })).toBeVisible();
});

test('a coder sees the codebook read-only', async ({ page }) => {
  await signIn(page, 'coder1@demo.concord');
  const projectId = await demoProjectId(page);
  const stageId = await stageIdByName(page, projectId, 'Challenges');
  await page.goto(`/projects/${projectId}/codebook?stage=${stageId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Codebook' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Challenges' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('read-only', { exact: true })).toBeVisible();

  // The tree and a code's definition are there to read.
  await expect(codeButton(page, 'Model Usage')).toBeVisible();
  await codeButton(page, 'Model Usage').click();
  const detail = page.getByRole('region', { name: 'Selected code' });
  await expect(detail.getByRole('heading', { name: 'Model Usage' })).toBeVisible();
  await expect(detail).toContainText('Difficulties using a pre-trained model');

  // Nothing to change it with.
  await expect(page.getByRole('button', { name: /^Drag / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add top-level code' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New stage' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Stage settings' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Edit code' })).toHaveCount(0);
  await expect(page.getByRole('textbox')).toHaveCount(0);

  // The API refuses a coder's edit too.
  const cookies = await page.context().cookies();
  const csrf = cookies.find((cookie) => cookie.name === 'concord_csrf')!.value;
  const response = await page.request.post(`/api/projects/${projectId}/stages/${stageId}/codebook/codes`, {
    data: { name: 'Sneaky' },
    headers: { 'x-csrf-token': decodeURIComponent(csrf) },
  });
  expect(response.status()).toBe(403);
});
