// Review and adjudication through the real UI: the lead resolves three of the demo's open
// Challenges disagreements with the keyboard only, a coder replies in a discussion from the
// header's unread list, and the decisions appear in the dataset view.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PROJECT, demoProjectId, signIn } from './support/demo.ts';

interface Coding {
  label: string;
  codeIds: string[];
  status: string;
}
interface ReviewIssue {
  issue: { id: string; repository: string; number: number; title: string };
  codings: Coding[];
  codes: { id: string; name: string }[];
  finalLabel: { codeIds: string[]; revisions: { kind: string; decidedBy: { name: string } | null }[] } | null;
}

async function challengesStageId(page: Page, projectId: string): Promise<string> {
  const response = await page.request.get(`/api/projects/${projectId}`);
  const stage = ((await response.json()) as { stages: { id: string; name: string }[] }).stages.find((s) => s.name === 'Challenges');
  expect(stage, 'the demo has a Challenges stage').toBeDefined();
  return stage!.id;
}

async function reviewIssue(page: Page, projectId: string, stageId: string, issueId: string): Promise<ReviewIssue> {
  const response = await page.request.get(`/api/projects/${projectId}/stages/${stageId}/review/issues/${issueId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ReviewIssue;
}

test('a lead resolves three disagreements with the keyboard, a coder replies, the dataset shows the labels', async ({ browser }) => {
  const leadContext = await browser.newContext();
  const page = await leadContext.newPage();
  await signIn(page, 'lead@demo.concord');
  const projectId = await demoProjectId(page);
  const stageId = await challengesStageId(page, projectId);

  await page.getByRole('link', { name: DEMO_PROJECT }).click();
  const navLink = page.getByRole('link', { name: 'Review', exact: true });
  await expect(navLink).not.toContainText('soon');
  await navLink.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
  await page.getByRole('tab', { name: 'Challenges' }).click();
  const queue = page.getByRole('table', { name: 'Review queue' });
  await expect(queue.getByRole('row')).toHaveCount(5); // header + the demo's four open disagreements
  await expect(page.getByText('Code pairs most often confused')).toBeVisible();

  await page.getByRole('link', { name: 'Start reviewing' }).click();
  const decided: { issueId: string; codeIds: string[]; title: string }[] = [];
  for (let i = 0; i < 3; i++) {
    await expect(page.getByTestId('queue-place')).toHaveText(`1 of ${4 - i} in the queue`);
    const issueId = page.url().split('?')[0]!.split('/').at(-1)!;
    const detail = await reviewIssue(page, projectId, stageId, issueId);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(detail.issue.title);
    const coderA = detail.codings.find((c) => c.label === 'A')!;
    // Keyboard only: Shift+A accepts coder A's set, Enter decides and moves on.
    await page.keyboard.press('Shift+A');
    const composed = page.getByTestId('composed');
    for (const codeId of coderA.codeIds) {
      await expect(composed).toContainText(detail.codes.find((c) => c.id === codeId)!.name);
    }
    await page.keyboard.press('Enter');
    await expect(page).not.toHaveURL(new RegExp(issueId));
    decided.push({ issueId, codeIds: [...coderA.codeIds].sort(), title: `${detail.issue.repository}#${detail.issue.number}` });
  }
  for (const { issueId, codeIds } of decided) {
    const detail = await reviewIssue(page, projectId, stageId, issueId);
    expect(detail.finalLabel?.codeIds).toEqual(codeIds);
    expect(detail.finalLabel?.revisions[0]).toMatchObject({ kind: 'decision', decidedBy: { name: 'Liam Lead' } });
  }
  await expect(page.getByTestId('queue-place')).toHaveText('1 of 1 in the queue');

  // A coder has unread messages (the lead asked them a question); they reply from the header.
  const coderContext = await browser.newContext();
  const coder = await coderContext.newPage();
  await signIn(coder, 'coder1@demo.concord');
  await coder.getByRole('link', { name: DEMO_PROJECT }).click();
  const unread = coder.getByRole('button', { name: /unread discussion message/ });
  await expect(unread).toBeVisible();
  await unread.click();
  await coder.getByRole('menuitem', { name: /new/ }).first().click();
  await expect(coder.getByRole('heading', { level: 2, name: 'Discussion' })).toBeVisible();
  await expect(coder.getByText('Leads decide final labels')).toBeVisible();
  const reply = 'The second comment shows the out-of-memory error, so I added the hardware code.';
  await coder.getByLabel('Reply').fill(reply);
  await coder.getByRole('button', { name: 'Send reply' }).click();
  await expect(coder.getByRole('list', { name: 'Messages' }).getByText(reply)).toBeVisible();
  await coderContext.close();

  // The lead's unread count now holds the coder's reply.
  await page.reload();
  await expect(page.getByRole('button', { name: /1 unread discussion message/ })).toBeVisible();

  // The dataset lists the three decisions with their codes.
  await page.goto(`/projects/${projectId}/dataset?stage=${stageId}&labelled=true`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dataset' })).toBeVisible();
  for (const { issueId, title } of decided) {
    const detail = await reviewIssue(page, projectId, stageId, issueId);
    const row = page.getByTestId('dataset-row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
    await expect(row).toHaveCount(1);
    for (const codeId of detail.finalLabel!.codeIds) await expect(row).toContainText(detail.codes.find((c) => c.id === codeId)!.name);
    await expect(row).toContainText('decided (v1)');
  }
  await leadContext.close();
});
