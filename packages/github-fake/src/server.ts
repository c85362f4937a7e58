// A local stand-in for GitHub's GraphQL API (plain node:http) for tests, browser journeys and the
// benchmark. Every query is validated against GitHub's published schema (a query GitHub would
// reject fails here too) and executed by graphql-js over generated repositories: pagination,
// nested comment pages, `rateLimit` with GitHub's cost formula, and injectable faults.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { schema as publishedSchema } from '@octokit/graphql-schema';
import {
  buildClientSchema,
  execute,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type IntrospectionQuery,
  type OperationDefinitionNode,
} from 'graphql';
import { queryCost } from './cost.ts';
import { fakeNodeId, type FakeComment, type FakeIssue, type FakeRepository } from './generate.ts';

let schema: GraphQLSchema | undefined;
function githubSchema(): GraphQLSchema {
  schema ??= buildClientSchema(publishedSchema.json as unknown as IntrospectionQuery);
  return schema;
}

export type Fault =
  /** Answer with this HTTP status (e.g. 502). */
  | { kind: 'status'; status: number }
  /** GitHub's secondary rate limit: 403 (or 429) with `retry-after`. */
  | { kind: 'secondary-rate-limit'; retryAfterSeconds: number; status?: 403 | 429 }
  /** Never answer; the socket is closed after `ms`. */
  | { kind: 'timeout'; ms: number }
  /** Close the connection without an answer (ECONNRESET). */
  | { kind: 'reset' };

export interface FakeGitHubOptions {
  repositories: FakeRepository[];
  /** Accepted bearer token; any token when omitted. */
  token?: string;
  /** Points per window (GitHub: 5,000 per hour). */
  rateLimit?: number;
  /** Length of a rate-limit window. */
  rateLimitWindowMs?: number;
  port?: number;
}

export interface RequestRecord {
  operation: string;
  variables: Record<string, unknown>;
  cost: number;
  /** Node ids of the issues / pull requests returned in issue pages. */
  issueIds: string[];
}

export interface FakeGitHub {
  /** Base URL to give @octokit/graphql as `baseUrl` (it posts to `<url>/graphql`). */
  url: string;
  requests: RequestRecord[];
  /** Faults for the next requests, in order (each used once). */
  injectFaults(...faults: Fault[]): void;
  /** Answer queries about this repository with a GraphQL error (e.g. NOT_FOUND, FORBIDDEN). */
  failRepository(fullName: string, type: string, message: string): void;
  /** Hand this many points for the current window (e.g. to force a wait for the reset). */
  setRemaining(points: number, resetInMs?: number): void;
  /** Delay every answer by this long (to watch progress, or to stop a worker mid-import). */
  setLatency(ms: number): void;
  /** Edit an issue as a user would: it moves to the end of the update order. */
  updateIssue(fullName: string, number: number, change: { title?: string; body?: string; addComment?: string }): void;
  totalCost(): number;
  close(): Promise<void>;
}

interface State {
  remaining: number;
  resetAt: number;
  clock: number;
}

const encodeCursor = (value: string) => Buffer.from(value).toString('base64');
const decodeCursor = (cursor: unknown) => (typeof cursor === 'string' ? Buffer.from(cursor, 'base64').toString() : undefined);

/** A page of `items`, which are sorted by `key`; the cursor is the key of the last item given. */
function connection<T>(items: T[], args: { first?: number; after?: string }, key: (item: T, index: number) => string) {
  if (args.first === undefined) throw new GraphQLError('You must provide a `first` or `last` value to properly paginate.');
  if (args.first > 100 || args.first < 1)
    throw new GraphQLError(`Requesting ${args.first} records on the connection exceeds the \`first\` limit of 100 records.`);
  const after = decodeCursor(args.after);
  // Binary search for the first item after the cursor.
  let start = 0;
  if (after !== undefined) {
    let high = items.length;
    while (start < high) {
      const middle = (start + high) >>> 1;
      if (key(items[middle]!, middle) > after) high = middle;
      else start = middle + 1;
    }
  }
  const nodes = items.slice(start, start + args.first);
  const last = nodes.length ? key(nodes[nodes.length - 1]!, start + nodes.length - 1) : null;
  return {
    totalCount: items.length,
    pageInfo: { hasNextPage: start + nodes.length < items.length, endCursor: last === null ? null : encodeCursor(last) },
    nodes,
  };
}

const commentKey = (_c: FakeComment, index: number) => String(index).padStart(8, '0');
// Stable under later edits: an edited issue gets a later updatedAt and moves to the end.
const issueKey = (issue: FakeIssue) => `${issue.updatedAt}|${String(issue.number).padStart(9, '0')}`;

function commentView(comment: FakeComment) {
  return {
    id: comment.id,
    body: comment.body,
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    authorAssociation: comment.authorAssociation,
    author: comment.author ? { __typename: 'User', login: comment.author } : null,
  };
}

function issueView(issue: FakeIssue, url: string) {
  return {
    __typename: issue.isPullRequest ? 'PullRequest' : 'Issue',
    id: issue.id,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    stateReason: issue.stateReason,
    url,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    closedAt: issue.closedAt,
    authorAssociation: issue.authorAssociation,
    author: issue.author ? { __typename: 'User', login: issue.author } : null,
    reactions: () => ({ totalCount: issue.reactions }),
    labels: (args: { first?: number }) =>
      connection(
        issue.labels.map((name) => ({ name })),
        args,
        (_l, i) => String(i).padStart(8, '0'),
      ),
    comments: (args: { first?: number; after?: string }) => {
      const page = connection(issue.comments, args, commentKey);
      return { ...page, nodes: page.nodes.map(commentView) };
    },
  };
}

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const windowMs = options.rateLimitWindowMs ?? 3_600_000;
  const limit = options.rateLimit ?? 5000;
  const state: State = { remaining: limit, resetAt: Date.now() + windowMs, clock: Date.UTC(2025, 0, 1) };
  const repositories = new Map(options.repositories.map((r) => [`${r.owner}/${r.name}`.toLowerCase(), r]));
  const urls = new Map<FakeIssue, string>();
  for (const repository of options.repositories)
    for (const issue of repository.issues)
      urls.set(
        issue,
        `https://github.com/${repository.owner}/${repository.name}/${issue.isPullRequest ? 'pull' : 'issues'}/${issue.number}`,
      );
  const byNodeId = new Map(options.repositories.flatMap((r) => r.issues.map((issue) => [issue.id, issue] as const)));
  const failing = new Map<string, { type: string; message: string }>();
  const faults: Fault[] = [];
  let latencyMs = 0;
  const requests: RequestRecord[] = [];
  const parsedQueries = new Map<string, DocumentNode | readonly GraphQLError[]>();
  // Issue lists in update order per repository, kind and `since`; dropped when an issue changes.
  const sorted = new Map<string, FakeIssue[]>();

  function documentFor(query: string): DocumentNode | readonly GraphQLError[] {
    let cached = parsedQueries.get(query);
    if (!cached) {
      try {
        const document = parse(query);
        const errors = validate(githubSchema(), document);
        cached = errors.length ? errors : document;
      } catch (error) {
        cached = [error as GraphQLError];
      }
      parsedQueries.set(query, cached);
    }
    return cached;
  }

  function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(body));
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.method !== 'POST' || !request.url?.endsWith('/graphql')) return send(response, 404, { message: 'Not Found' });
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const fault = faults.shift();
    if (fault?.kind === 'reset') return request.socket.destroy();
    if (fault?.kind === 'timeout') return void setTimeout(() => request.socket.destroy(), fault.ms);
    if (fault?.kind === 'status') return send(response, fault.status, { message: 'Server Error' });
    if (fault?.kind === 'secondary-rate-limit')
      return send(
        response,
        fault.status ?? 403,
        { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
        { 'retry-after': String(fault.retryAfterSeconds) },
      );
    const authorization = request.headers.authorization ?? '';
    if (!/^(bearer|token) \S+$/i.test(authorization) || (options.token && authorization.split(' ')[1] !== options.token))
      return send(response, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql' });

    let payload: { query?: string; variables?: Record<string, unknown> };
    try {
      payload = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(response, 400, { message: 'Problems parsing JSON' });
    }
    const document = documentFor(payload.query ?? '');
    if (Array.isArray(document))
      return send(response, 200, { errors: document.map((e) => ({ message: e.message, locations: e.locations })) });
    const variables = payload.variables ?? {};
    const cost = queryCost(document as DocumentNode, variables);
    if (cost.maxFirst > 100) return send(response, 200, { errors: [{ type: 'EXCESSIVE_PAGINATION', message: '`first` above 100' }] });
    if (Date.now() >= state.resetAt) {
      state.remaining = limit;
      state.resetAt = Date.now() + windowMs;
    }
    if (state.remaining < cost.points)
      return send(response, 200, {
        errors: [{ type: 'RATE_LIMITED', message: 'API rate limit already exceeded for user ID 1.' }],
      });
    state.remaining -= cost.points;
    const record: RequestRecord = { operation: '', variables, cost: cost.points, issueIds: [] };
    requests.push(record);
    const root = {
      rateLimit: () => ({
        cost: cost.points,
        remaining: state.remaining,
        resetAt: new Date(state.resetAt).toISOString(),
        limit,
        used: limit - state.remaining,
        nodeCount: 0,
      }),
      repository: ({ owner, name }: { owner: string; name: string }) => {
        const fullName = `${owner}/${name}`.toLowerCase();
        const failure = failing.get(fullName);
        if (failure) throw Object.assign(new GraphQLError(failure.message), { githubType: failure.type });
        const repository = repositories.get(fullName);
        if (!repository)
          throw Object.assign(new GraphQLError(`Could not resolve to a Repository with the name '${owner}/${name}'.`), {
            githubType: 'NOT_FOUND',
          });
        const list = (pullRequests: boolean, args: { first?: number; after?: string; filterBy?: { since?: string } }) => {
          const cacheKey = `${fullName}|${pullRequests}|${args.filterBy?.since ?? ''}`;
          let items = sorted.get(cacheKey);
          if (!items) {
            const since = args.filterBy?.since ? new Date(args.filterBy.since).getTime() : undefined;
            items = repository.issues
              .filter((i) => i.isPullRequest === pullRequests && (since === undefined || new Date(i.updatedAt).getTime() >= since))
              .map((issue) => ({ issue, key: issueKey(issue) }))
              .sort((a, b) => (a.key < b.key ? -1 : 1))
              .map(({ issue }) => issue);
            sorted.set(cacheKey, items);
          }
          const page = connection(items, args, issueKey);
          record.issueIds.push(...page.nodes.map((i) => i.id));
          return { ...page, nodes: page.nodes.map((issue) => issueView(issue, urls.get(issue)!)) };
        };
        return {
          id: repository.id,
          issues: (args: { first?: number; after?: string; filterBy?: { since?: string } }) => list(false, args),
          pullRequests: (args: { first?: number; after?: string }) => list(true, args),
        };
      },
      node: ({ id }: { id: string }) => {
        const issue = byNodeId.get(id);
        return issue ? issueView(issue, urls.get(issue)!) : null;
      },
    };
    const result = await execute({
      schema: githubSchema(),
      document: document as DocumentNode,
      rootValue: root,
      variableValues: variables,
    });
    record.operation =
      (document as DocumentNode).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)?.name?.value ??
      '';
    send(response, 200, {
      data: result.data ?? null,
      ...(result.errors?.length
        ? {
            errors: result.errors.map((e) => ({
              type: (e.originalError as { githubType?: string } | undefined)?.githubType,
              path: e.path,
              locations: e.locations,
              message: e.message,
            })),
          }
        : {}),
    });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => send(response, 500, { message: error.message }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    injectFaults: (...next) => void faults.push(...next),
    setLatency: (ms) => void (latencyMs = ms),
    failRepository: (fullName, type, message) => void failing.set(fullName.toLowerCase(), { type, message }),
    setRemaining(points, resetInMs) {
      state.remaining = points;
      if (resetInMs !== undefined) state.resetAt = Date.now() + resetInMs;
    },
    updateIssue(fullName, number, change) {
      const issue = repositories.get(fullName.toLowerCase())?.issues.find((i) => i.number === number);
      if (!issue) throw new Error(`no issue ${fullName}#${number}`);
      // A clock ahead of every generated date, so an edit is always the newest update.
      state.clock = Math.max(state.clock, Date.now()) + 60_000;
      const at = new Date(state.clock).toISOString();
      if (change.title !== undefined) issue.title = change.title;
      if (change.body !== undefined) issue.body = change.body;
      if (change.addComment !== undefined)
        issue.comments.push({
          id: fakeNodeId('IC', fullName, number, issue.comments.length),
          body: change.addComment,
          author: 'editor',
          authorAssociation: 'NONE',
          createdAt: at,
          updatedAt: at,
        });
      issue.updatedAt = at;
      sorted.clear();
    },
    totalCost: () => requests.reduce((sum, r) => sum + r.cost, 0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
