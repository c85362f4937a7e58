// The fake answers like GitHub: schema validation, the cost formula, pagination and faults.
import { afterAll, describe, expect, it } from 'vitest';
import { graphql, GraphqlResponseError } from '@octokit/graphql';
import { parse } from 'graphql';
import { ISSUES_QUERY, commentPagesQuery, type IssuePageResponse } from '@concord/github';
import { generateRepository, queryCost, startFakeGitHub } from './index.ts';

const repository = generateRepository({ owner: 'o', name: 'r', issues: 150, comments: (i) => (i === 0 ? 230 : 1) });
const fake = await startFakeGitHub({ repositories: [repository], token: 't0ken' });
afterAll(() => fake.close());
const client = graphql.defaults({ baseUrl: fake.url, headers: { authorization: 'token t0ken' } });

describe('fake GitHub', () => {
  it('costs 2 points for a page of 100 issues with nested comments and labels (GitHub’s formula)', () => {
    expect(queryCost(parse(ISSUES_QUERY))).toEqual({ points: 2, requests: 201, maxFirst: 100 });
    expect(queryCost(parse(commentPagesQuery(50)))).toMatchObject({ points: 1 });
  });

  it('pages issues in update order and reports the rate limit', async () => {
    const first = await client<IssuePageResponse>(ISSUES_QUERY, { owner: 'o', name: 'r' });
    expect(first.repository!.issues!.nodes).toHaveLength(100);
    expect(first.repository!.issues!.totalCount).toBe(150);
    expect(first.rateLimit).toMatchObject({ cost: 2, remaining: 4998 });
    const second = await client<IssuePageResponse>(ISSUES_QUERY, {
      owner: 'o',
      name: 'r',
      after: first.repository!.issues!.pageInfo.endCursor,
    });
    expect(second.repository!.issues!.nodes).toHaveLength(50);
    expect(second.repository!.issues!.pageInfo.hasNextPage).toBe(false);
    const numbers = [...first.repository!.issues!.nodes, ...second.repository!.issues!.nodes].map((n) => n.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    const big = first.repository!.issues!.nodes.find((n) => n.number === 1)!;
    expect(big.comments).toMatchObject({ totalCount: 230, pageInfo: { hasNextPage: true } });
  });

  it('rejects a query GitHub would reject, and a `first` above 100', async () => {
    await expect(client('query { repository(owner: "o", name: "r") { nope } }')).rejects.toBeInstanceOf(GraphqlResponseError);
    await expect(client('query { repository(owner: "o", name: "r") { issues(first: 101) { nodes { id } } } }')).rejects.toThrow(/first/);
  });

  it('answers a missing repository with a NOT_FOUND error, and a bad token with 401', async () => {
    const error = await client(ISSUES_QUERY, { owner: 'o', name: 'missing' }).catch((e: GraphqlResponseError<unknown>) => e);
    expect((error as GraphqlResponseError<unknown>).errors?.[0]).toMatchObject({ type: 'NOT_FOUND' });
    await expect(
      graphql(ISSUES_QUERY, { owner: 'o', name: 'r', baseUrl: fake.url, headers: { authorization: 'token wrong' } }),
    ).rejects.toMatchObject({
      status: 401,
    });
  });

  it('injects faults once each', async () => {
    fake.injectFaults({ kind: 'status', status: 502 }, { kind: 'secondary-rate-limit', retryAfterSeconds: 7 });
    await expect(client(ISSUES_QUERY, { owner: 'o', name: 'r' })).rejects.toMatchObject({ status: 502 });
    await expect(client(ISSUES_QUERY, { owner: 'o', name: 'r' })).rejects.toMatchObject({
      status: 403,
      response: { headers: { 'retry-after': '7' } },
    });
    await expect(client(ISSUES_QUERY, { owner: 'o', name: 'r' })).resolves.toBeTruthy();
  });
});
