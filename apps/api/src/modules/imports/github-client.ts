// Talks to GitHub's GraphQL API through @octokit/graphql: one page of issues (or pull requests)
// of a repository, then the remaining comment pages of its long threads. Transient failures
// (5xx, secondary rate limits with `retry-after`, timeouts, reset connections) are retried with
// exponential backoff and full jitter; what retrying cannot fix is classified for the importer.
import { graphql, GraphqlResponseError } from '@octokit/graphql';
import {
  COMMENT_PAGES_PER_QUERY,
  ISSUES_QUERY,
  PULL_REQUESTS_QUERY,
  commentPagesQuery,
  fromGraphqlComment,
  fromGraphqlIssue,
  type CommentPagesResponse,
  type ImportedIssue,
  type IssuePageResponse,
  type RateLimit,
  type RepositoryName,
} from '@concord/github';

/** GitHub says this repository cannot be read (renamed, private, not found): only it fails. */
export class RepositoryUnavailableError extends Error {}
/** GitHub refused the token itself: nothing can be imported with it. */
export class BadTokenError extends Error {}
/** The GitHub API cannot be reached at all (no DNS, connection refused): no network, or a wrong GITHUB_API_URL. */
export class GitHubUnreachableError extends Error {}
/** Wait until `until` before asking again (rate limit exhausted, long `retry-after`). */
export class RetryLaterError extends Error {
  constructor(
    readonly until: Date,
    message: string,
  ) {
    super(message);
  }
}

export interface GitHubClientOptions {
  apiUrl: string;
  token: string;
  timeoutMs?: number;
  /** Attempts per request, the first included. */
  attempts?: number;
  baseDelayMs?: number;
  /** Longest `retry-after` honoured by sleeping; longer ones become a job wait. */
  maxSleepMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each retry, for progress and logs (never with the token). */
  onRetry?: (reason: string, delayMs: number) => void;
}

export interface IssuePage {
  repositoryNodeId: string;
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
  /** Each issue with its complete comment list. */
  issues: ImportedIssue[];
  rateLimit: RateLimit | null;
  points: number;
}

interface HttpishError {
  status?: number;
  message: string;
  response?: { headers?: Record<string, string | undefined> };
  /** fetch's network failures: `cause.code`, e.g. ENOTFOUND. */
  cause?: { code?: string };
}

const UNREACHABLE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH']);

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createGitHubClient(options: GitHubClientOptions) {
  const attempts = options.attempts ?? 6;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxSleepMs = options.maxSleepMs ?? 60_000;
  const sleep = options.sleep ?? sleepFor;
  const timeoutMs = options.timeoutMs ?? 30_000;
  // @octokit/graphql builds the request and reads GraphQL errors; the hook sends it. The hook
  // parses with the native JSON.parse: @octokit/request's big-integer-safe parser runs a reviver
  // over every value and cost more than the rest of an import page on Node 20 (no field we ask
  // for holds an integer beyond 2^53).
  const request = graphql.defaults({
    baseUrl: options.apiUrl,
    headers: { authorization: `token ${options.token}`, 'user-agent': 'concord-import' },
    request: {
      hook: async (_send: unknown, endpointOptions: Parameters<typeof graphql.endpoint.parse>[0]) => {
        const { method, url, headers, body } = graphql.endpoint.parse(endpointOptions);
        const response = await fetch(url, {
          method,
          headers: headers as Record<string, string>,
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await response.text();
        const responseHeaders: Record<string, string> = {};
        response.headers.forEach((value, key) => (responseHeaders[key] = value));
        if (response.status >= 400)
          throw Object.assign(new Error(`GitHub answered ${response.status} ${response.statusText}`.trim()), {
            status: response.status,
            response: { headers: responseHeaders },
          });
        return { status: response.status, url, headers: responseHeaders, data: text ? JSON.parse(text) : undefined };
      },
    },
  });
  let lastRateLimit: RateLimit | null = null;

  /** One query with retries; returns the data and what it cost. */
  async function query<T extends { rateLimit: RateLimit | null }>(
    document: string,
    variables: Record<string, unknown>,
    repository?: RepositoryName,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let delay: number;
      let reason: string;
      try {
        const data = await request<T>(document, variables);
        lastRateLimit = data.rateLimit ?? lastRateLimit;
        return data;
      } catch (error) {
        // The errors thrown below carry a message, not the caught error: its `request` holds the
        // token's header, and these messages end up in job rows and logs.
        /* eslint-disable preserve-caught-error */
        if (error instanceof GraphqlResponseError) {
          const errors = (error.errors ?? []) as { type?: string; message: string; path?: (string | number)[] }[];
          if (errors.some((e) => e.type === 'RATE_LIMITED')) {
            const until = lastRateLimit ? new Date(lastRateLimit.resetAt) : new Date(Date.now() + 60_000);
            throw new RetryLaterError(until, 'GitHub’s rate limit is used up; waiting for its reset.');
          }
          const first = errors[0];
          if (repository && first?.path?.[0] === 'repository')
            throw new RepositoryUnavailableError(`${first.type ?? 'ERROR'}: ${first.message}`);
          if (first?.type === 'NOT_FOUND' || first?.type === 'FORBIDDEN')
            throw new RepositoryUnavailableError(`${first.type}: ${first.message}`);
          throw new Error(`GitHub answered with errors: ${errors.map((e) => e.message).join('; ')}`);
        }
        const failure = error as HttpishError;
        const status = failure.status;
        const retryAfter = Number(failure.response?.headers?.['retry-after']);
        if (status === 401) throw new BadTokenError('GitHub refused the token (401 Bad credentials): check it or paste another.');
        if ((status === 403 || status === 429) && Number.isFinite(retryAfter)) {
          delay = retryAfter * 1000;
          reason = `secondary rate limit (retry after ${retryAfter} s)`;
          if (delay > maxSleepMs)
            throw new RetryLaterError(new Date(Date.now() + delay), `GitHub asked to wait ${retryAfter} s (secondary rate limit).`);
        } else if (status === 403 || status === 404) {
          throw new RepositoryUnavailableError(`GitHub answered ${status}: ${failure.message || 'forbidden'}`);
        } else if (status !== undefined && status < 500 && failure.response) {
          throw new Error(`GitHub answered ${status}: ${failure.message}`);
        } else {
          // 5xx, timeouts, reset or refused connections, DNS failures.
          reason = failure.response ? `GitHub answered ${status}` : `could not reach ${options.apiUrl}: ${failure.message}`;
          delay = Math.random() * baseDelayMs * 2 ** (attempt - 1);
        }
        if (attempt >= attempts) {
          const code = failure.cause?.code;
          if (!failure.response && code && UNREACHABLE.has(code))
            throw new GitHubUnreachableError(
              `Could not reach GitHub at ${options.apiUrl} (${code}) after ${attempts} attempts: this server seems to have no network access to it (or GITHUB_API_URL is wrong). Import from a file instead.`,
            );
          throw new Error(`${reason}; gave up after ${attempts} attempts`);
        }
        /* eslint-enable preserve-caught-error */
      }
      options.onRetry?.(reason, delay);
      await sleep(delay);
    }
  }

  /** Appends the remaining comment pages of every issue whose first page was not all. */
  async function completeComments(pending: { issue: ImportedIssue; cursor: string | null }[]): Promise<number> {
    let points = 0;
    let open = pending;
    while (open.length > 0) {
      const batch = open.slice(0, COMMENT_PAGES_PER_QUERY);
      const variables = Object.fromEntries(
        batch.flatMap((item, i) => [
          [`id${i}`, item.issue.githubNodeId],
          [`after${i}`, item.cursor],
        ]),
      );
      const data = await query<CommentPagesResponse>(commentPagesQuery(batch.length), variables);
      points += data.rateLimit?.cost ?? 0;
      const next: typeof open = [];
      batch.forEach((item, i) => {
        const page = data[`c${i}`]?.comments;
        if (!page) return;
        item.issue.comments.push(...page.nodes.map(fromGraphqlComment));
        if (page.pageInfo.hasNextPage) next.push({ issue: item.issue, cursor: page.pageInfo.endCursor });
      });
      open = [...next, ...open.slice(COMMENT_PAGES_PER_QUERY)];
    }
    return points;
  }

  return {
    get rateLimit() {
      return lastRateLimit;
    },

    async issuePage(
      repository: RepositoryName,
      kind: 'issues' | 'pullRequests',
      cursor: string | null,
      since: string | null,
    ): Promise<IssuePage> {
      const data =
        kind === 'issues'
          ? await query<IssuePageResponse>(
              ISSUES_QUERY,
              { owner: repository.owner, name: repository.name, after: cursor, since },
              repository,
            )
          : await query<IssuePageResponse>(
              PULL_REQUESTS_QUERY,
              { owner: repository.owner, name: repository.name, after: cursor },
              repository,
            );
      const connection = data.repository?.[kind];
      if (!data.repository || !connection)
        throw new RepositoryUnavailableError(`NOT_FOUND: ${repository.owner}/${repository.name} could not be read.`);
      const pending: { issue: ImportedIssue; cursor: string | null }[] = [];
      const issues = connection.nodes.map((node) => {
        const issue = fromGraphqlIssue(node, kind === 'pullRequests');
        if (node.comments.pageInfo.hasNextPage) pending.push({ issue, cursor: node.comments.pageInfo.endCursor });
        return issue;
      });
      const commentPoints = await completeComments(pending);
      return {
        repositoryNodeId: data.repository.id,
        totalCount: connection.totalCount,
        hasNextPage: connection.pageInfo.hasNextPage,
        endCursor: connection.pageInfo.endCursor,
        issues,
        rateLimit: lastRateLimit,
        points: (data.rateLimit?.cost ?? 0) + commentPoints,
      };
    },
  };
}

export type GitHubClient = ReturnType<typeof createGitHubClient>;
