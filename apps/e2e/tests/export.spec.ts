// The Export page in Chromium: a lead downloads every format from the UI and the files hold what
// the API and the database say; a coder is told they export their own codings, and their file
// has no one else's. The .qdpx is validated against the REFI-QDA schema in the Vitest tests.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { withDatabase } from './support/database.ts';
import { DEMO_PROJECT, demoProjectId, signIn } from './support/demo.ts';

async function openExportPage(page: Page) {
  await page.getByRole('link', { name: DEMO_PROJECT }).click();
  await page.getByRole('link', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Export' })).toBeVisible();
}

/** Clicks a format's download button and returns the file's name and bytes. */
async function download(page: Page, label: string): Promise<{ name: string; bytes: Buffer }> {
  const card = page.getByRole('region', { name: label, exact: true });
  const [file] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: `Download ${label}` }).click()]);
  expect(await file.failure()).toBeNull();
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

const csvLines = (bytes: Buffer) => bytes.toString('utf8').split('\r\n').filter(Boolean);

test('a lead downloads every export from the Export page', async ({ page }) => {
  await signIn(page, 'lead@demo.concord');
  const projectId = await demoProjectId(page);
  const { submittedRows, issues, relevanceId } = await withDatabase(async (db) => {
    // A final label, as the review would leave one, so that file has a row to show.
    const [{ stage_id, issue_id, code_id }] = (
      await db.query(
        `SELECT s.id AS stage_id, i.id AS issue_id, c.id AS code_id FROM "Stage" s JOIN "Codebook" b ON b."stageId" = s.id
                      JOIN "Code" c ON c."codebookId" = b.id JOIN "Issue" i ON i."projectId" = s."projectId"
                      WHERE s."projectId" = $1 AND s.name = 'Relevance' AND c.name = 'PTM-related' ORDER BY i.number LIMIT 1`,
        [projectId],
      )
    ).rows;
    await db.query(
      `INSERT INTO "FinalLabel" (id, "stageId", "issueId", agreed, "updatedAt") VALUES (gen_random_uuid(), $1, $2, true, now()) ON CONFLICT DO NOTHING`,
      [stage_id, issue_id],
    );
    await db.query(
      `INSERT INTO "FinalLabelCode" ("finalLabelId", "codeId") SELECT id, $3 FROM "FinalLabel" WHERE "stageId" = $1 AND "issueId" = $2 ON CONFLICT DO NOTHING`,
      [stage_id, issue_id, code_id],
    );
    const rows = await db.query(
      `SELECT count(*)::int AS n FROM "Coding" c JOIN "Stage" s ON s.id = c."stageId" LEFT JOIN "CodingCode" cc ON cc."codingId" = c.id
       WHERE s."projectId" = $1 AND c.status = 'submitted'`,
      [projectId],
    );
    const issueCount = await db.query(`SELECT count(*)::int AS n FROM "Issue" WHERE "projectId" = $1`, [projectId]);
    return { submittedRows: rows.rows[0].n as number, issues: issueCount.rows[0].n as number, relevanceId: stage_id as string };
  });
  await openExportPage(page);

  // All stages: the files about one stage wait for a stage.
  await expect(page.getByRole('region', { name: 'Agreement report (JSON)' }).getByRole('button', { name: /Download/ })).toBeDisabled();

  const codings = await download(page, 'Codings (tidy CSV)');
  expect(codings.name).toMatch(/-all-stages-codings-\d{4}-\d{2}-\d{2}\.csv$/);
  const codingLines = csvLines(codings.bytes);
  expect(codingLines[0]).toMatch(/^# Concord \S+ export "codings-csv" of project "Challenges in reusing pre-trained models \(demo\)"/);
  expect(codingLines[1]).toMatch(/^stage_id,stage,round,round_name,codebook_version,issue_id,/);
  expect(codingLines.length).toBeGreaterThan(submittedRows + 1);

  const labels = csvLines((await download(page, 'Final labels (tidy CSV)')).bytes);
  expect(labels[1]).toMatch(/^stage_id,stage,round,issue_id,/);
  expect(labels.slice(2).some((line) => line.includes(',PTM-related,true,'))).toBe(true);

  const dataset = (await download(page, 'Whole dataset (JSON Lines)')).bytes
    .toString('utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; name?: string });
  expect(dataset[0]).toMatchObject({ type: 'export', format: 'dataset-jsonl', project: { id: projectId } });
  expect(dataset.filter((record) => record.type === 'issue')).toHaveLength(issues);
  expect(dataset.some((record) => record.type === 'final_label')).toBe(true);

  const qdpx = await download(page, 'REFI-QDA project (.qdpx, for NVivo, ATLAS.ti, MAXQDA)');
  expect(qdpx.name).toMatch(/\.qdpx$/);
  expect(qdpx.bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  for (const entry of ['README.txt', 'project.qde', 'sources/']) expect(qdpx.bytes.includes(Buffer.from(entry))).toBe(true);

  // One stage: the stage's files.
  await page.getByLabel('Stage').selectOption({ label: 'Relevance' });
  await expect(page).toHaveURL(new RegExp(`[?&]stage=${relevanceId}`));

  const wide = csvLines((await download(page, 'Codings by coder (wide CSV, for R irr and Python krippendorff)')).bytes);
  expect(wide[0]).toContain('1 = PTM-related; 2 = Not PTM-related');
  expect(wide[1]).toBe('round,issue_id,repository,issue_number,Carlos Coder,Chloe Coder');

  const qdc = (await download(page, 'Codebook (REFI-QDA .qdc)')).bytes.toString('utf8');
  expect(qdc).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
  expect(qdc).toContain('name="PTM-related"');

  const api = (await (await page.request.get(`/api/projects/${projectId}/stages/${relevanceId}/agreement`)).json()) as { overall: unknown };
  const agreement = JSON.parse((await download(page, 'Agreement report (JSON)')).bytes.toString('utf8')) as {
    export: unknown;
    overall: unknown;
  };
  expect(agreement.export).toMatchObject({ format: 'agreement-json', stage: { id: relevanceId, name: 'Relevance' } });
  expect(agreement.overall).toEqual(api.overall);
  const perCode = csvLines((await download(page, 'Agreement per code (CSV)')).bytes);
  expect(perCode[1]).toMatch(/^stage,round,level,code_id,code_path,n,/);
});

// A page of its own: Chromium stopped starting downloads after ten from one page.
test("a lead downloads a stage's codings and its analysis tables", async ({ page }) => {
  await signIn(page, 'lead@demo.concord');
  const projectId = await demoProjectId(page);
  const relevanceId = await withDatabase(
    async (db) =>
      (await db.query(`SELECT id FROM "Stage" WHERE "projectId" = $1 AND name = 'Relevance'`, [projectId])).rows[0].id as string,
  );
  await openExportPage(page);
  await page.getByLabel('Stage').selectOption({ label: 'Relevance' });
  // The analysis as files: the same tables as the Analysis page's downloads.
  const latex = (await download(page, 'Paper tables (LaTeX booktabs)')).bytes.toString('utf8');
  expect(latex).toMatch(/^% Concord analysis of project "Challenges in reusing pre-trained models \(demo\)".*stage "Relevance"/);
  expect(latex).toContain('\\toprule');
  const analysisRows = (await download(page, 'Analysis results (tidy CSV)')).bytes
    .toString('utf8')
    .split(/\r?\n/)
    .filter((line) => line && !line.startsWith('#'));
  expect(analysisRows[0]).toMatch(/^"?section"?,"?level"?,"?code_id"?,/);
  expect(analysisRows.length).toBeGreaterThan(1);

  // Filtered to the stage, the tidy file holds that stage only.
  const stageCodings = csvLines((await download(page, 'Codings (tidy CSV)')).bytes).slice(2);
  expect(stageCodings.length).toBeGreaterThan(0);
  expect(stageCodings.every((line) => line.startsWith(`${relevanceId},Relevance,`))).toBe(true);
});

test('a coder exports only their own codings', async ({ page }) => {
  await signIn(page, 'coder1@demo.concord');
  await openExportPage(page);
  await expect(page.getByText('As a coder you export your own codings')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Codings by coder (wide CSV, for R irr and Python krippendorff)' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Final labels (tidy CSV)' })).toHaveCount(0);

  const lines = csvLines((await download(page, 'Codings (tidy CSV)')).bytes);
  expect(lines[0]).toContain('only the codings of Chloe Coder (coder)');
  const coderColumn = lines[1]!.split(',').indexOf('coder');
  const rows = lines.slice(2);
  expect(rows.length).toBeGreaterThan(0);
  expect(new Set(rows.map((line) => line.split(',')[coderColumn]))).toEqual(new Set(['Chloe Coder']));
});

// A page of its own as well (the download limit above). The job's file is stored in the database
// and survives a reload of the page.
test('a lead runs an export as a background job and downloads its file when done', async ({ page }) => {
  await signIn(page, 'lead@demo.concord');
  const projectId = await demoProjectId(page);
  const rows = await withDatabase(
    async (db) =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM "Coding" c JOIN "Stage" s ON s.id = c."stageId" LEFT JOIN "CodingCode" cc ON cc."codingId" = c.id
           WHERE s."projectId" = $1 AND c.status = 'submitted'`,
          [projectId],
        )
      ).rows[0].n as number,
  );
  await openExportPage(page);
  const jobs = page.getByRole('region', { name: 'Background exports' });
  await page
    .getByRole('region', { name: 'Codings (tidy CSV)', exact: true })
    .getByRole('button', { name: 'Run Codings (tidy CSV) as background job' })
    .click();
  const job = jobs.getByTestId('export-job').first();
  await expect(job).toContainText('Codings (tidy CSV)');
  await expect(job.getByText('succeeded')).toBeVisible({ timeout: 20_000 });
  await expect(job.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await expect(job).toContainText(`${rows.toLocaleString('en')} of ${rows.toLocaleString('en')} rows`);

  await page.reload();
  const link = page
    .getByRole('region', { name: 'Background exports' })
    .getByTestId('export-job')
    .first()
    .getByRole('link', { name: /^Download / });
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(await file.failure()).toBeNull();
  expect(file.suggestedFilename()).toMatch(/-all-stages-codings-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csvLines(await readFile((await file.path())!));
  expect(lines[0]).toMatch(/^# Concord \S+ export "codings-csv" of project "Challenges in reusing pre-trained models \(demo\)"/);
  expect(lines[1]).toMatch(/^stage_id,stage,round,round_name,codebook_version,issue_id,/);
  expect(lines).toHaveLength(rows + 2);
});
