// Nothing from an issue's text may run: an issue whose body and comments hold dozens of XSS
// vectors (inserted straight into the database, as an import could bring them) is opened on the
// coding screen; no script runs, no dialog opens, nothing dangerous reaches the DOM, and the
// harmless text around the vectors still reads as written. CSP violations are reported.
import { expect, test } from '@playwright/test';
import { withDatabase } from './support/database.ts';
import { DEMO_PASSWORD } from './support/demo.ts';

const SET = 'window.__xss=true';
const SVG_SCRIPT_BASE64 = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="${SET}"><script>${SET}</script></svg>`).toString(
  'base64',
);
const HTML_SCRIPT_BASE64 = Buffer.from(`<script>parent.__xss=true;alert(1)</script>`).toString('base64');

/** Each tries to set window.__xss or open a dialog. */
const VECTORS: string[] = [
  `<script>${SET}</script>`,
  `<script src="https://evil.invalid/xss.js"></script>`,
  `<img src=x onerror="${SET}">`,
  `<img src="https://example.invalid/missing.png" onerror="${SET}" alt="broken https image">`,
  `<svg onload="${SET}"></svg>`,
  `<svg><script>${SET}</script></svg>`,
  `<svg><animate onbegin="${SET}" attributeName="x" dur="1s"></animate></svg>`,
  `<svg><a xlink:href="javascript:${SET}"><text x="20" y="20">svg link</text></a></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${SET}"></style></mglyph></table></mtext></math>`,
  `<math href="javascript:${SET}">math link</math>`,
  `<a href="javascript:${SET}">raw javascript link</a>`,
  `[markdown javascript link](javascript:${SET})`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${SET}">entity-encoded javascript link</a>`,
  `<a href="jav&#x09;ascript:alert(1)">tab-split javascript link</a>`,
  `<a href="  JaVaScRiPt:alert(1)">mixed-case javascript link</a>`,
  `<a href="vbscript:msgbox(1)">vbscript link</a>`,
  `<a href="data:text/html;base64,${HTML_SCRIPT_BASE64}">data URL link</a>`,
  `<img src="data:image/svg+xml;base64,${SVG_SCRIPT_BASE64}" alt="data svg image">`,
  `![markdown javascript image](javascript:${SET})`,
  `<iframe src="javascript:${SET}"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=true</script>"></iframe>`,
  `<object data="javascript:${SET}"></object>`,
  `<embed src="javascript:${SET}">`,
  `<div style="background:url(javascript:${SET})">style url</div>`,
  `<div style="width: expression(${SET})">style expression</div>`,
  `<style>@import 'javascript:alert(1)'; body { background: url("javascript:alert(1)") }</style>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${SET}">`,
  `<form action="javascript:${SET}"><button>form submit</button></form>`,
  `<button formaction="javascript:${SET}">formaction button</button>`,
  `<input autofocus onfocus="${SET}">`,
  `<details open ontoggle="${SET}"><summary>details summary</summary>details body</details>`,
  `<body onload="${SET}">`,
  `<video><source onerror="${SET}"></video>`,
  `<audio src=x onerror="${SET}"></audio>`,
  `<scr<script>ipt>${SET}</scr</script>ipt>`,
  `<img """><script>${SET}</script>">`,
  `<noscript><p title="</noscript><img src=x onerror=${SET}>"></p></noscript>`,
  `<template><script>${SET}</script></template>`,
  `<base href="javascript:/a/-alert(1)///////">`,
  `<link rel="stylesheet" href="javascript:alert(1)">`,
  `<p onclick="${SET}" id="click-me">click this paragraph</p>`,
  `<a href="#top" onmouseover="${SET}">hover this link</a>`,
  `<div tabindex="1" accesskey="x" onfocus="${SET}">focusable div</div>`,
  `<isindex type=image src=1 onerror=${SET}>`,
  `<img src="http://insecure.invalid/plain-http.png" alt="plain http image">`,
];

const HARMLESS = [
  'HARMLESS-INTRO: the model fails to load after the upgrade.',
  '| col | value |\n|---|---|\n| HARMLESS-TABLE-CELL | 42 |',
  '- [x] HARMLESS-TASK done\n- [ ] HARMLESS-TASK open',
  '~~HARMLESS-STRIKE~~ and a [HARMLESS-LINK](https://example.org/docs) and https://example.org/autolink',
  '```html\n<script>HARMLESS-CODE-BLOCK</script>\n```',
];

function issueBody(): string {
  const parts: string[] = [HARMLESS[0]!];
  VECTORS.slice(0, 25).forEach((vector, index) => parts.push(`${vector}\n\nHARMLESS-PARAGRAPH-${index}`));
  parts.push(...HARMLESS.slice(1));
  return parts.join('\n\n');
}

function commentBodies(): string[] {
  const rest = VECTORS.slice(25);
  const half = Math.ceil(rest.length / 2);
  return [rest.slice(0, half), rest.slice(half)].map(
    (vectors, comment) =>
      `HARMLESS-COMMENT-${comment}\n\n${vectors.map((vector, index) => `${vector}\n\nHARMLESS-C${comment}-${index}`).join('\n\n')}`,
  );
}

interface Fixture {
  projectId: string;
  assignmentId: string;
  roundId: string;
  issueId: string;
}

async function createFixture(): Promise<Fixture> {
  return withDatabase(async (db) => {
    const stage = await db.query<{ projectId: string; stageId: string; version: number }>(
      `SELECT s."projectId", s.id AS "stageId", c.version
         FROM "Stage" s JOIN "Project" p ON p.id = s."projectId" JOIN "Codebook" c ON c."stageId" = s.id
        WHERE p.slug = 'ptm-reuse-demo' AND s.name = 'Relevance'`,
    );
    const { projectId, stageId, version } = stage.rows[0]!;
    const repository = await db.query<{ id: string; owner: string; name: string }>(
      `SELECT id, owner, name FROM "Repository" WHERE "projectId" = $1 ORDER BY owner, name LIMIT 1`,
      [projectId],
    );
    const repo = repository.rows[0]!;
    const coder = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'coder1@demo.concord'`);
    const number = 900_000 + Math.floor(Math.random() * 90_000);
    const issue = await db.query<{ id: string }>(
      `INSERT INTO "Issue" (id, "projectId", "repositoryId", "githubNodeId", number, title, body, state, "stateReason",
                            "authorLogin", "authorAssociation", "createdAt", "updatedAt", url, labels, "contentHash")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 'OPEN', NULL, 'mallory', 'NONE', now(), now(), $7, ARRAY['security'], 'xss')
       RETURNING id`,
      [
        projectId,
        repo.id,
        `I_xss_${number}`,
        number,
        'XSS fixture <img src=x onerror="window.__xss=true">',
        issueBody(),
        `https://github.com/${repo.owner}/${repo.name}/issues/${number}`,
      ],
    );
    const issueId = issue.rows[0]!.id;
    for (const [index, body] of commentBodies().entries()) {
      await db.query(
        `INSERT INTO "Comment" (id, "issueId", "githubNodeId", "authorLogin", "authorAssociation", body, "createdAt", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, 'mallory', 'CONTRIBUTOR', $3, now() + $4 * interval '1 minute', now())`,
        [issueId, `IC_xss_${number}_${index}`, body, index + 1],
      );
    }
    const round = await db.query<{ id: string }>(
      `INSERT INTO "Round" (id, "stageId", number, name, status, "codebookVersion", overlap, "openedAt")
       VALUES (gen_random_uuid(), $1, (SELECT COALESCE(MAX(number), 0) + 1 FROM "Round" WHERE "stageId" = $1), 'XSS round', 'open', $2,
               '{"mode":"all"}', now())
       RETURNING id`,
      [stageId, version],
    );
    const roundId = round.rows[0]!.id;
    const assignment = await db.query<{ id: string }>(
      `INSERT INTO "Assignment" (id, "roundId", "issueId", "coderId", position) VALUES (gen_random_uuid(), $1, $2, $3, 0) RETURNING id`,
      [roundId, issueId, coder.rows[0]!.id],
    );
    return { projectId, assignmentId: assignment.rows[0]!.id, roundId, issueId };
  });
}

async function removeFixture({ roundId, issueId }: Fixture) {
  // Assignments and codings go with the round, comments with the issue.
  await withDatabase(async (db) => {
    await db.query(`DELETE FROM "Round" WHERE id = $1`, [roundId]);
    await db.query(`DELETE FROM "Issue" WHERE id = $1`, [issueId]);
  });
}

test('issue text full of XSS vectors renders as inert text on the coding screen', async ({ page }) => {
  test.setTimeout(60_000);
  expect(VECTORS.length).toBeGreaterThanOrEqual(30);
  const fixture = await createFixture();
  try {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    // As a string: this file is compiled without the DOM library; the script runs in the page.
    await page.addInitScript({
      content: `
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (event) => {
          window.__cspViolations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
        });`,
    });

    await page.goto('/login');
    await page.getByLabel('Email').fill('coder1@demo.concord');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();

    await page.goto(`/projects/${fixture.projectId}/coding/${fixture.assignmentId}`);
    const issue = page.getByRole('region', { name: 'Issue' });
    // The title is text, never markup.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('XSS fixture <img src=x onerror="window.__xss=true">');
    await expect(issue.getByText('HARMLESS-COMMENT-1')).toBeAttached();

    // Give every handler its chance: expand collapsed parts, hover, click and focus the bait.
    const showMore = issue.getByRole('button', { name: 'Show more' });
    while ((await showMore.count()) > 0) await showMore.first().click();
    await issue.getByText('click this paragraph').click();
    await issue.getByText('hover this link').hover();
    await issue.getByText('focusable div').hover();
    await issue.getByText('details summary').click();
    for (let tab = 0; tab < 12; tab += 1) await page.keyboard.press('Tab');
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(1_500);

    // Nothing ran.
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
    expect(dialogs, 'no alert, confirm or prompt opened').toEqual([]);
    await expect(page).toHaveURL(new RegExp(`/coding/${fixture.assignmentId}$`));

    // Nothing dangerous reached the DOM of the rendered issue text (the app's own icons are SVG,
    // and Mantine's collapsing sets a harmless inline max-height).
    const findings = await issue.evaluate((root) => {
      const problems: string[] = [];
      for (const element of root.querySelectorAll('[data-markdown] *')) {
        const tag = element.tagName.toLowerCase();
        if (
          [
            'script',
            'style',
            'iframe',
            'object',
            'embed',
            'form',
            'meta',
            'base',
            'link',
            'svg',
            'math',
            'template',
            'video',
            'audio',
          ].includes(tag)
        )
          problems.push(`<${tag}> element`);
        for (const attribute of element.getAttributeNames()) {
          const value = element.getAttribute(attribute) ?? '';
          if (attribute.startsWith('on')) problems.push(`${tag}[${attribute}]`);
          if (['srcdoc', 'formaction', 'action', 'accesskey', 'tabindex', 'xlink:href'].includes(attribute))
            problems.push(`${tag}[${attribute}]`);
          if (attribute === 'style' && /javascript|expression|url\(/i.test(value)) problems.push(`${tag}[style=${value}]`);
          if (['href', 'src'].includes(attribute) && /^\s*(javascript|data|vbscript):/i.test(value))
            problems.push(`${tag}[${attribute}=${value}]`);
        }
        const { src } = element as unknown as { src: string };
        if (tag === 'img' && !src.startsWith('https:')) problems.push(`img over ${src}`);
      }
      return problems;
    });
    expect(findings).toEqual([]);
    expect(await issue.locator('[data-markdown]').count()).toBe(3);

    // The harmless text still reads as written, with GitHub-flavoured markdown.
    for (const marker of ['HARMLESS-INTRO', 'HARMLESS-PARAGRAPH-0', 'HARMLESS-PARAGRAPH-24', 'HARMLESS-COMMENT-0', 'HARMLESS-C1-0']) {
      await expect(issue.getByText(marker).first()).toBeAttached();
    }
    await expect(issue.getByRole('cell', { name: 'HARMLESS-TABLE-CELL' })).toBeVisible();
    const tasks = issue.locator('li.task-list-item', { hasText: 'HARMLESS-TASK' });
    await expect(tasks).toHaveCount(2);
    await expect(tasks.first().locator('input[type=checkbox]')).toBeChecked();
    await expect(tasks.last().locator('input[type=checkbox]')).not.toBeChecked();
    await expect(issue.locator('del', { hasText: 'HARMLESS-STRIKE' })).toBeVisible();
    await expect(issue.locator('pre code', { hasText: '<script>HARMLESS-CODE-BLOCK</script>' })).toBeVisible();
    const link = issue.getByRole('link', { name: 'HARMLESS-LINK' });
    await expect(link).toHaveAttribute('href', 'https://example.org/docs');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    await expect(issue.getByRole('link', { name: 'https://example.org/autolink' })).toHaveAttribute('target', '_blank');
    // Script links keep their text, without the link.
    await expect(issue.getByText('raw javascript link')).toBeAttached();
    await expect(issue.getByRole('link', { name: 'raw javascript link' })).toHaveCount(0);

    const violations = (await page.evaluate('window.__cspViolations')) as unknown[];
    const report = violations.length === 0 ? 'none' : JSON.stringify(violations, null, 2);
    console.log(`CSP violations on the coding screen: ${report}`);
    test.info().annotations.push({ type: 'csp-violations', description: report });
  } finally {
    await removeFixture(fixture);
  }
});
