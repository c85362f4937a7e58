// Imports: repositories of a project, GitHub import jobs with live progress, file uploads.
import { Type, type Static } from 'typebox';
import { Id, IsoDate, JobStatus } from './common.ts';

export const ImportSettings = Type.Object({
  /** GITHUB_TOKEN is set on the server (its value is never sent). */
  serverTokenConfigured: Type.Boolean(),
  apiUrl: Type.String({ description: 'GITHUB_API_URL: GitHub, or a GitHub Enterprise Server API' }),
});
export type ImportSettings = Static<typeof ImportSettings>;

export const RepositorySummary = Type.Object({
  id: Id,
  fullName: Type.String({ description: 'owner/name' }),
  issues: Type.Integer(),
  pullRequests: Type.Integer(),
  lastSyncedAt: Type.Union([IsoDate, Type.Null()], {
    description: 'Newest GitHub update time seen; the next import asks only for later ones',
  }),
});
export type RepositorySummary = Static<typeof RepositorySummary>;

export const RepositoryImportStatus = Type.Union([
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('done'),
  Type.Literal('failed'),
  Type.Literal('cancelled'),
]);

export const RepositoryProgress = Type.Object({
  repositoryId: Id,
  fullName: Type.String(),
  status: RepositoryImportStatus,
  /** Only issues updated since then are fetched (incremental sync); null: everything. */
  since: Type.Union([IsoDate, Type.Null()]),
  /** Issues (and pull requests) to fetch, known after the first page. */
  total: Type.Union([Type.Integer(), Type.Null()]),
  fetched: Type.Integer(),
  comments: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  /** Issues whose text changed since the previous import. */
  changed: Type.Integer(),
  points: Type.Integer({ description: 'GraphQL rate-limit points spent' }),
  etaSeconds: Type.Union([Type.Number(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  lastRetry: Type.Union([Type.String(), Type.Null()]),
  startedAt: Type.Union([IsoDate, Type.Null()]),
  finishedAt: Type.Union([IsoDate, Type.Null()]),
});
export type RepositoryProgress = Static<typeof RepositoryProgress>;

export const ImportJob = Type.Object({
  id: Id,
  status: JobStatus,
  includePullRequests: Type.Boolean(),
  repositories: Type.Array(RepositoryProgress),
  rateLimit: Type.Union([Type.Object({ remaining: Type.Integer(), resetAt: IsoDate }), Type.Null()]),
  /** Set while the job waits for GitHub's rate limit to reset. */
  waitingUntil: Type.Union([IsoDate, Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoDate,
  startedAt: Type.Union([IsoDate, Type.Null()]),
  finishedAt: Type.Union([IsoDate, Type.Null()]),
});
export type ImportJob = Static<typeof ImportJob>;

export const StartImportBody = Type.Object({
  /** `owner/name` or github.com URLs; each item may hold several separated by spaces, commas or new lines. */
  repositories: Type.Array(Type.String({ minLength: 1, maxLength: 20_000 }), { minItems: 1, maxItems: 500 }),
  includePullRequests: Type.Optional(Type.Boolean({ default: false })),
  /** A token for this import only; stored encrypted until the import ends, never returned. */
  token: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
});
export type StartImportBody = Static<typeof StartImportBody>;

export const ImportJobParams = Type.Object({ projectId: Id, jobId: Id });

export const FileImportBody = Type.Object({
  format: Type.Union([Type.Literal('json'), Type.Literal('csv')]),
  /** The file's text. */
  content: Type.String({ minLength: 1 }),
});
export type FileImportBody = Static<typeof FileImportBody>;

export const FileImportResult = Type.Object({
  repositories: Type.Array(Type.String()),
  issues: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  changed: Type.Integer(),
  comments: Type.Integer(),
});
export type FileImportResult = Static<typeof FileImportResult>;

/** `details` of a 400 INVALID_FILE: every bad record (the first 500) and why. */
export const FileProblems = Type.Object({
  problems: Type.Array(Type.Object({ record: Type.Integer(), reason: Type.String() })),
  total: Type.Integer(),
});
export type FileProblems = Static<typeof FileProblems>;
