// The coding screen, keyboard only: two coders (two browser contexts) code the same five issues
// of the demo's open round blind, each seeing only their own codes, in the UI and in what the API
// sends them; then the lead closes the round and sees both codings in the agreement report.
import { expect, test, type Browser, type BrowserContext, type Page, type Response } from '@playwright/test';
import { demoProjectId, signIn } from './support/demo.ts';

interface QueueItem {
  assignmentId: string;
  issueId: string;
  title: string;
  status: string;
}
interface MyRound {
  round: { id: string; number: number; name: string; status: string; stage: { id: string; name: string } };
  progress: { submitted: number; total: number };
  nextAssignmentId: string | null;
}
interface Detail {
  assignmentId: string;
  issue: { id: string; title: string };
  codes: { id: string; name: string }[];
  coding: { id: string; version: number; status: string; codeIds: string[]; memo: string; flagged: boolean; activeSeconds: number } | null;
}

const ISSUES = 5;

/** Everything the API sends to this page, to check afterwards that it holds nothing of the other coder. */
function recordApiResponses(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', (response: Response) => {
    if (!response.url().includes('/api/') || !response.headers()['content-type']?.includes('json')) return;
    void response.text().then(
      (text) => bodies.push(text),
      () => undefined,
    );
  });
  return bodies;
}

async function coderPage(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page; responses: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses = recordApiResponses(page);
  await signIn(page, email);
  return { context, page, responses };
}

async function openRound(page: Page, projectId: string): Promise<MyRound> {
  const response = await page.request.get(`/api/projects/${projectId}/coding/rounds`);
  expect(response.status()).toBe(200);
  const round = ((await response.json()) as MyRound[]).find((entry) => entry.round.name === 'Round 3');
  expect(round, 'the demo has an open Round 3 assigned to me').toBeDefined();
  return round!;
}

async function queueOf(page: Page, projectId: string, roundId: string): Promise<QueueItem[]> {
  const response = await page.request.get(`/api/projects/${projectId}/rounds/${roundId}/queue`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: QueueItem[] }).items;
}

async function detailOf(page: Page, projectId: string, assignmentId: string): Promise<Detail> {
  const response = await page.request.get(`/api/projects/${projectId}/assignments/${assignmentId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Detail;
}

async function csrfHeader(context: BrowserContext): Promise<Record<string, string>> {
  const csrf = (await context.cookies()).find((cookie) => cookie.name === 'concord_csrf');
  expect(csrf, 'signed-in sessions carry the CSRF cookie').toBeDefined();
  return { 'x-csrf-token': decodeURIComponent(csrf!.value) };
}

/**
 * From the Coding area, with keys only: Enter on the focused "Start coding", then for each issue
 * the key of its code and Enter, which submits and shows the next issue at once.
 */
async function codeWithKeyboard(page: Page, projectId: string, queue: QueueItem[], keys: string[], memo?: string) {
  await page.goto(`/projects/${projectId}/coding`);
  await expect(page.getByRole('heading', { level: 1, name: 'Coding' })).toBeVisible();
  const round = page.getByRole('region', { name: 'Round 3' });
  const start = round.getByRole('link', { name: /Start coding|Resume coding/ });
  await expect(start).toBeFocused();
  await page.keyboard.press('Enter');

  for (const [index, key] of keys.entries()) {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(queue[index]!.title);
    await expect(page.getByTestId('coding-place')).toHaveText(`Issue ${index + 1} of ${queue.length}`);
    const codes = page.getByRole('radiogroup', { name: 'Codes of Relevance' });
    await expect(codes.getByRole('radio', { checked: true })).toHaveCount(0);
    await page.keyboard.press(key);
    await expect(codes.getByRole('radio', { checked: true })).toHaveCount(1);
    if (memo && index === 0) {
      await page.keyboard.press('Shift+M');
      await expect(page.getByLabel('Memo')).toBeFocused();
      await page.keyboard.type(memo);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Shift+F');
      await expect(page.getByRole('switch', { name: 'Flag for discussion' })).toBeChecked();
    }
    await page.keyboard.press('Enter');
    if (index + 1 < keys.length) await expect(page.getByRole('heading', { level: 1 })).toHaveText(queue[index + 1]!.title);
  }
  await expect(page.getByTestId('coding-progress')).toHaveText(`${keys.length} of ${queue.length} submitted`);
}

test('two coders code the same issues blind with the keyboard; the lead closes the round and sees both', async ({ browser }) => {
  test.setTimeout(120_000);
  const one = await coderPage(browser, 'coder1@demo.concord');
  const two = await coderPage(browser, 'coder2@demo.concord');
  const projectId = await demoProjectId(one.page);

  const round1 = await openRound(one.page, projectId);
  const round2 = await openRound(two.page, projectId);
  expect(round2.round.id).toBe(round1.round.id);
  const queue1 = await queueOf(one.page, projectId, round1.round.id);
  const queue2 = await queueOf(two.page, projectId, round2.round.id);
  expect(queue1.length).toBeGreaterThanOrEqual(ISSUES);
  // The same issues, in the same order, but each coder's own assignments.
  expect(queue2.slice(0, ISSUES).map((item) => item.issueId)).toEqual(queue1.slice(0, ISSUES).map((item) => item.issueId));
  expect(queue2.map((item) => item.assignmentId)).not.toContain(queue1[0]!.assignmentId);

  // Relevance's codes carry keys 1 (PTM-related) and 2 (Not PTM-related); the coders differ on two issues.
  const keys1 = ['1', '1', '2', '1', '2'];
  const keys2 = ['1', '2', '2', '1', '1'];
  await codeWithKeyboard(one.page, projectId, queue1, keys1, 'Coded with the keyboard');
  await codeWithKeyboard(two.page, projectId, queue2, keys2);

  // Each coder's submitted codings, as the API hands them to that coder.
  const first = await detailOf(one.page, projectId, queue1[0]!.assignmentId);
  const codeByKey = new Map([
    ['1', first.codes.find((code) => code.name === 'PTM-related')!.id],
    ['2', first.codes.find((code) => code.name === 'Not PTM-related')!.id],
  ]);
  const codings1: string[] = [];
  const codings2: string[] = [];
  for (let index = 0; index < ISSUES; index += 1) {
    const mine = await detailOf(one.page, projectId, queue1[index]!.assignmentId);
    const theirs = await detailOf(two.page, projectId, queue2[index]!.assignmentId);
    expect(mine.coding?.status).toBe('submitted');
    expect(theirs.coding?.status).toBe('submitted');
    expect(mine.coding?.codeIds).toEqual([codeByKey.get(keys1[index]!)]);
    expect(theirs.coding?.codeIds).toEqual([codeByKey.get(keys2[index]!)]);
    codings1.push(mine.coding!.id);
    codings2.push(theirs.coding!.id);
    // Blind: the other coder's assignment of the same issue is closed to me.
    const peek = await one.page.request.get(`/api/projects/${projectId}/assignments/${queue2[index]!.assignmentId}`);
    expect(peek.status()).toBe(403);
    expect(((await peek.json()) as { code: string }).code).toBe('NOT_ASSIGNED');
  }
  expect(first.coding?.memo).toBe('Coded with the keyboard');
  expect(first.coding?.flagged).toBe(true);

  // Nothing either browser received holds the other's codings or names.
  const received1 = one.responses.join('\n');
  const received2 = two.responses.join('\n');
  expect(one.responses.length).toBeGreaterThan(ISSUES);
  for (const id of codings2) expect(received1).not.toContain(id);
  for (const id of codings1) expect(received2).not.toContain(id);
  expect(received1).not.toContain('Carlos Coder');
  expect(received2).not.toContain('Chloe Coder');

  // On screen, too: the second issue (coded differently) shows each coder only their own code,
  // and K / J move between issues.
  for (const [coder, queue, keys] of [
    [one, queue1, keys1],
    [two, queue2, keys2],
  ] as const) {
    await coder.page.goto(`/projects/${projectId}/coding/${queue[2]!.assignmentId}`);
    await expect(coder.page.getByRole('heading', { level: 1 })).toHaveText(queue[2]!.title);
    await coder.page.keyboard.press('k');
    await expect(coder.page.getByRole('heading', { level: 1 })).toHaveText(queue[1]!.title);
    const expected = keys[1] === '1' ? 'PTM-related' : 'Not PTM-related';
    const other = keys[1] === '1' ? 'Not PTM-related' : 'PTM-related';
    await expect(coder.page.getByRole('radio', { name: expected, exact: true })).toHaveAttribute('aria-checked', 'true');
    await expect(coder.page.getByRole('radio', { name: other, exact: true })).toHaveAttribute('aria-checked', 'false');
    await expect(coder.page.getByTestId('selected-codes')).toHaveText(expected);
    await expect(coder.page.getByTestId('save-status')).toContainText('submitted');
    await coder.page.keyboard.press('ArrowRight');
    await expect(coder.page.getByRole('heading', { level: 1 })).toHaveText(queue[2]!.title);
  }

  // The lead closes the round, through the API as the web app would.
  const lead = await browser.newContext();
  const leadPage = await lead.newPage();
  await signIn(leadPage, 'lead@demo.concord');
  const roundUrl = `/api/projects/${projectId}/rounds/${round1.round.id}`;
  const closed = await leadPage.request.patch(roundUrl, { data: { status: 'closed' }, headers: await csrfHeader(lead) });
  expect(closed.status()).toBe(200);
  try {
    const report = await leadPage.request.get(
      `/api/projects/${projectId}/stages/${round1.round.stage.id}/agreement?round=${round1.round.number}`,
    );
    expect(report.status()).toBe(200);
    const agreement = (await report.json()) as { n: { issues: number; codings: number } };
    expect(agreement.n.issues).toBeGreaterThanOrEqual(ISSUES);

    // Once closed, the screen is read-only and a save is refused.
    await one.page.goto(`/projects/${projectId}/coding/${queue1[0]!.assignmentId}`);
    await expect(one.page.getByText('Round 3 is closed')).toBeVisible();
    await expect(one.page.getByRole('button', { name: /Submit/ })).toBeDisabled();
    await one.page.keyboard.press('2');
    await expect(one.page.getByRole('radio', { name: 'PTM-related', exact: true })).toHaveAttribute('aria-checked', 'true');
    await expect(one.page.getByTestId('save-status')).toHaveText('Read-only');
    const refused = await one.page.request.put(`/api/projects/${projectId}/assignments/${queue1[0]!.assignmentId}/coding`, {
      headers: await csrfHeader(one.context),
      data: { baseVersion: 99, status: 'draft', codeIds: [], memo: '', flagged: false, cannotDecide: false, activeSecondsDelta: 0 },
    });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('ROUND_CLOSED');
  } finally {
    // Leave the demo's open round open for the other journeys.
    const reopened = await leadPage.request.patch(roundUrl, { data: { status: 'open' }, headers: await csrfHeader(lead) });
    expect(reopened.status()).toBe(200);
    await Promise.all([one.context.close(), two.context.close(), lead.close()]);
  }
});

test('a draft saves itself, and a coding changed in another tab is reloaded with a notice', async ({ page, context }) => {
  await signIn(page, 'coder1@demo.concord');
  const projectId = await demoProjectId(page);
  const round = await openRound(page, projectId);
  // The last issue of the queue: the journey above codes only the first five.
  const item = (await queueOf(page, projectId, round.round.id)).at(-1)!;
  const before = await detailOf(page, projectId, item.assignmentId);
  const ptm = before.codes.find((code) => code.name === 'PTM-related')!.id;
  const notPtm = before.codes.find((code) => code.name === 'Not PTM-related')!.id;

  await page.goto(`/projects/${projectId}/coding/${item.assignmentId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.title);
  // A code's definition shows on keyboard focus and on hover.
  const ptmDetails = page.getByRole('tooltip').filter({ hasText: 'reusing a pre-trained model' });
  const otherDetails = page.getByRole('tooltip').filter({ hasText: 'Anything else' });
  await page.getByRole('radio', { name: 'PTM-related', exact: true }).focus();
  await expect(ptmDetails).toBeVisible();
  await page.getByRole('radio', { name: 'Not PTM-related', exact: true }).hover();
  await expect(otherDetails).toBeVisible();
  // One code's details at a time.
  await expect(ptmDetails).toHaveCount(0);
  await page.keyboard.press('2');
  await expect(page.getByTestId('save-status')).toHaveText('Saved · draft');
  const draft = await detailOf(page, projectId, item.assignmentId);
  expect(draft.coding).toMatchObject({ status: 'draft', codeIds: [notPtm] });

  // Another tab saves over it; this screen still holds the older version.
  const other = await page.request.put(`/api/projects/${projectId}/assignments/${item.assignmentId}/coding`, {
    headers: await csrfHeader(context),
    data: {
      baseVersion: draft.coding!.version,
      status: 'draft',
      codeIds: [ptm],
      memo: 'from the other tab',
      flagged: false,
      cannotDecide: false,
      activeSecondsDelta: 0,
    },
  });
  expect(other.status()).toBe(200);

  await page.keyboard.press('Shift+C');
  await expect(page.getByText('was changed elsewhere')).toBeVisible();
  // The screen shows the current coding, not the change that was refused.
  await expect(page.getByRole('radio', { name: 'PTM-related', exact: true })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByLabel('Memo')).toHaveValue('from the other tab');
  await expect(page.getByRole('switch', { name: 'Cannot decide' })).not.toBeChecked();
  const after = await detailOf(page, projectId, item.assignmentId);
  expect(after.coding).toMatchObject({ status: 'draft', codeIds: [ptm], memo: 'from the other tab', cannotDecide: false });
});
