// The issue list: filters, full-text search over title, body and comments with ranked results
// and matches returned as plain-text segments (never HTML), and the filter facets.
import { describe, expect, it } from 'vitest';
import type { IssueFacets, IssuePage } from '@concord/contracts';
import { createTestContext, type Team } from '../../../test/test-context.ts';

const ctx = await createTestContext();

const issue = (repository: string, number: number, fields: Record<string, unknown>) => ({
  id: `I_${repository}_${number}`,
  number,
  title: `Issue ${number}`,
  body: '',
  state: 'OPEN',
  url: `https://github.com/${repository}/issues/${number}`,
  createdAt: '2024-01-10T00:00:00Z',
  updatedAt: '2024-01-10T00:00:00Z',
  closedAt: null,
  labels: { nodes: [] },
  comments: { nodes: [] },
  ...fields,
});

async function seed(team: Team) {
  const issues = [
    issue('hf/transformers', 1, { title: 'Tokenizer crashes on <script>alert(1)</script>', labels: { nodes: [{ name: 'bug' }] } }),
    issue('hf/transformers', 2, {
      body: 'The tokenizers crashed twice',
      state: 'CLOSED',
      closedAt: '2024-02-01T00:00:00Z',
      createdAt: '2024-02-01T00:00:00Z',
    }),
    issue('hf/transformers', 3, {
      comments: {
        nodes: [
          { id: 'C1', body: 'it crashes for me too', createdAt: '2024-01-11T00:00:00Z', updatedAt: '2024-01-11T00:00:00Z', author: null },
        ],
      },
    }),
    issue('pt/vision', 4, { title: 'Docs typo', labels: { nodes: [{ name: 'bug' }, { name: 'docs' }] } }),
  ];
  const response = await ctx.request(team.lead, {
    method: 'POST',
    url: `/api/projects/${team.projectId}/imports/file`,
    payload: { format: 'json', content: JSON.stringify(issues) },
  });
  expect(response.statusCode, response.body).toBe(200);
}

const list = async (team: Team, query: string) =>
  (await ctx.request(team.coder, { method: 'GET', url: `/api/projects/${team.projectId}/issues?${query}` })).json<IssuePage>();

describe('issue list', () => {
  it('filters by repository, state, labels (all of them) and creation dates', async () => {
    const team = await ctx.createTeam();
    await seed(team);
    expect((await list(team, 'repository=pt/vision')).items.map((i) => i.number)).toEqual([4]);
    expect((await list(team, 'state=CLOSED')).items.map((i) => i.number)).toEqual([2]);
    expect((await list(team, 'labels=bug')).items.map((i) => i.number)).toEqual([1, 4]);
    expect((await list(team, 'labels=bug&labels=docs')).items.map((i) => i.number)).toEqual([4]);
    expect((await list(team, 'createdFrom=2024-01-15&createdTo=2024-02-01')).items.map((i) => i.number)).toEqual([2]);
    expect((await list(team, 'createdTo=2024-01-10')).total).toBe(3);
  });

  it('searches title, body and comments with stemming, ranks title matches first, and marks matches as text', async () => {
    const team = await ctx.createTeam();
    await seed(team);
    const page = await list(team, 'search=crash');
    expect(page.items.map((i) => i.number)).toEqual([1, 2, 3]);
    const first = page.items[0]!;
    expect(first.highlight!.title).toEqual([
      { text: 'Tokenizer ', match: false },
      { text: 'crashes', match: true },
      { text: ' on <script>alert(1)</script>', match: false },
    ]);
    expect(page.items[2]!.highlight!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['crashes']);
    expect((await list(team, 'search="docs typo"')).items.map((i) => i.number)).toEqual([4]);
    expect((await list(team, 'search=crash -twice')).items.map((i) => i.number).sort()).toEqual([1, 3]);
    expect((await list(team, 'search=zzzz')).total).toBe(0);
  });

  it('lists the repositories and labels to filter by', async () => {
    const team = await ctx.createTeam();
    await seed(team);
    const facets = (
      await ctx.request(team.coder, { method: 'GET', url: `/api/projects/${team.projectId}/issues/facets` })
    ).json<IssueFacets>();
    expect(facets).toEqual({
      repositories: ['hf/transformers', 'pt/vision'],
      labels: [
        { name: 'bug', issues: 2 },
        { name: 'docs', issues: 1 },
      ],
    });
  });
});
