// Issue files people upload: JSON (an array of issues in GitHub's REST or GraphQL shape, with
// their comments embedded) or CSV (one row per issue or comment, columns in the README). Every
// record is checked; problems come back as (record index, reason) so nothing is half-imported.
import { parse } from 'csv-parse/sync';
import { repositoryFromIssueUrl, parseRepositoryName } from './repository-name.ts';
import type { ImportedComment, ImportedIssue, RepositoryName } from './types.ts';

export interface FileIssue {
  repository: RepositoryName;
  issue: ImportedIssue;
}

export interface RecordProblem {
  /** 0-based index in the JSON array, or the 1-based line of a CSV row (the header is line 1). */
  record: number;
  reason: string;
}

export interface ParsedFile {
  issues: FileIssue[];
  problems: RecordProblem[];
}

export const CSV_COLUMNS = [
  'type',
  'repository',
  'number',
  'node_id',
  'title',
  'body',
  'state',
  'state_reason',
  'labels',
  'author',
  'author_association',
  'created_at',
  'updated_at',
  'closed_at',
  'url',
  'reactions',
  'is_pull_request',
] as const;

type Json = Record<string, unknown>;

/** Collects the reasons one record is unusable while reading its fields. */
class FieldReader {
  readonly reasons: string[] = [];
  constructor(private readonly record: Json) {}

  has(key: string): boolean {
    return this.record[key] !== undefined && this.record[key] !== null && this.record[key] !== '';
  }
  string(key: string, { optional = false } = {}): string | null {
    const value = this.record[key];
    if (value === undefined || value === null) {
      if (!optional) this.reasons.push(`${key} is missing`);
      return null;
    }
    if (typeof value !== 'string') {
      this.reasons.push(`${key} must be a string`);
      return null;
    }
    return value;
  }
  integer(key: string, { optional = false, min = 0 } = {}): number | null {
    const raw = this.record[key];
    if ((raw === undefined || raw === null || raw === '') && optional) return null;
    const value = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      this.reasons.push(raw === undefined || raw === null ? `${key} is missing` : `${key} must be a whole number ≥ ${min}`);
      return null;
    }
    return value;
  }
  date(key: string, { optional = false } = {}): Date | null {
    const value = this.string(key, { optional });
    if (value === null || (optional && value === '')) return null;
    const date = new Date(value);
    if (!isCalendarDate(value) || Number.isNaN(date.getTime())) {
      this.reasons.push(`${key} is not an ISO 8601 date: ${JSON.stringify(value.slice(0, 40))}`);
      return null;
    }
    return date;
  }
  object(key: string): Json | null {
    const value = this.record[key];
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
  }
  raw(key: string): unknown {
    return this.record[key];
  }
}

/** Starts with a day that exists (JavaScript's Date would turn 2024-02-30 into 1 March), from year 1. */
function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return year >= 1 && days !== undefined && day >= 1 && day <= days;
}

const upper = (value: string | null) => (value ? value.toUpperCase() : null);

function login(value: unknown): string | null {
  return value && typeof value === 'object' && typeof (value as Json).login === 'string' ? ((value as Json).login as string) : null;
}

function labelNames(value: unknown, reasons: string[]): string[] {
  const list = Array.isArray(value) ? value : value && typeof value === 'object' ? (value as Json).nodes : undefined;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(list)) {
    reasons.push('labels must be a list of names or of { name }');
    return [];
  }
  const names = list.map((label) =>
    typeof label === 'string' ? label : label && typeof label === 'object' ? (label as Json).name : undefined,
  );
  if (names.some((name) => typeof name !== 'string')) reasons.push('labels must be a list of names or of { name }');
  return names.filter((name): name is string => typeof name === 'string');
}

function syntheticNodeId(repository: RepositoryName, number: number): string {
  return `file:${repository.owner}/${repository.name}#${number}`;
}

/** One comment in REST (`user`, `created_at`) or GraphQL (`author`, `createdAt`) shape. */
function readComment(value: unknown, fallbackId: string, reasons: string[], where: string): ImportedComment | null {
  if (!value || typeof value !== 'object') {
    reasons.push(`${where} is not an object`);
    return null;
  }
  const record = value as Json;
  const rest = 'created_at' in record || 'user' in record || 'node_id' in record;
  const reader = new FieldReader(record);
  const body = reader.string('body');
  const createdAt = reader.date(rest ? 'created_at' : 'createdAt');
  const updatedAt = reader.has(rest ? 'updated_at' : 'updatedAt') ? reader.date(rest ? 'updated_at' : 'updatedAt') : createdAt;
  const id = reader.string(rest ? 'node_id' : 'id', { optional: true });
  for (const reason of reader.reasons) reasons.push(`${where}: ${reason}`);
  if (body === null || !createdAt || !updatedAt) return null;
  return {
    githubNodeId: id ?? fallbackId,
    authorLogin: login(record[rest ? 'user' : 'author']),
    authorAssociation: reader.string(rest ? 'author_association' : 'authorAssociation', { optional: true }),
    body,
    createdAt,
    updatedAt,
  };
}

function readComments(value: unknown, repository: RepositoryName, number: number, reasons: string[]): ImportedComment[] {
  if (value === undefined || value === null || value === 0) return [];
  if (typeof value === 'number') {
    reasons.push(`comments is a count (${value}), as the REST API gives it; embed the comment objects in "comments" as an array`);
    return [];
  }
  const list = Array.isArray(value) ? value : typeof value === 'object' ? (value as Json).nodes : undefined;
  if (!Array.isArray(list)) {
    reasons.push('comments must be an array of comments (or { nodes: [...] })');
    return [];
  }
  return list.flatMap(
    (comment, i) => readComment(comment, `${syntheticNodeId(repository, number)}:c${i + 1}`, reasons, `comments[${i}]`) ?? [],
  );
}

/** One issue in REST shape (`node_id`, `html_url`, `created_at`) or GraphQL shape (`id`, `url`, `createdAt`). */
function readJsonIssue(value: unknown): { issue?: FileIssue; reasons: string[] } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { reasons: ['not an object'] };
  const record = value as Json;
  const rest = 'created_at' in record || 'html_url' in record || 'node_id' in record;
  const reader = new FieldReader(record);
  const url = reader.string(rest ? 'html_url' : 'url');
  const repository = url ? repositoryFromIssueUrl(url) : null;
  if (url && !repository)
    reader.reasons.push(`${rest ? 'html_url' : 'url'} is not an issue or pull request URL: ${JSON.stringify(url.slice(0, 80))}`);
  const number = reader.integer('number', { min: 1 });
  const title = reader.string('title');
  const body = reader.string('body', { optional: true }) ?? '';
  const state = upper(reader.string('state'));
  const createdAt = reader.date(rest ? 'created_at' : 'createdAt');
  const updatedAt = reader.date(rest ? 'updated_at' : 'updatedAt');
  const closedAt = reader.date(rest ? 'closed_at' : 'closedAt', { optional: true });
  const pullRequest = rest ? reader.object('pull_request') : null;
  const isPullRequest = rest ? pullRequest !== null : record.__typename === 'PullRequest' || /\/pull\/\d+\/?$/.test(url ?? '');
  const reactions = reader.object('reactions');
  const reactionsCount = reactions ? Number(reactions[rest ? 'total_count' : 'totalCount'] ?? 0) : 0;
  if (state && !['OPEN', 'CLOSED', 'MERGED'].includes(state))
    reader.reasons.push(`state must be open or closed, not ${JSON.stringify(state)}`);
  const labels = labelNames(reader.raw('labels'), reader.reasons);
  const comments = repository && number ? readComments(reader.raw('comments'), repository, number, reader.reasons) : [];
  if (reader.reasons.length || !repository || !number || title === null || !state || !createdAt || !updatedAt)
    return { reasons: reader.reasons };
  return {
    reasons: [],
    issue: {
      repository,
      issue: {
        githubNodeId: reader.string(rest ? 'node_id' : 'id', { optional: true }) ?? syntheticNodeId(repository, number),
        number,
        title,
        body,
        state: rest && pullRequest?.merged_at ? 'MERGED' : state,
        stateReason: upper(reader.string(rest ? 'state_reason' : 'stateReason', { optional: true })),
        authorLogin: login(record[rest ? 'user' : 'author']),
        authorAssociation: reader.string(rest ? 'author_association' : 'authorAssociation', { optional: true }),
        createdAt,
        updatedAt,
        closedAt,
        url: url!,
        isPullRequest,
        labels,
        reactionsCount: Number.isFinite(reactionsCount) ? reactionsCount : 0,
        comments,
      },
    },
  };
}

/** The same issue twice, or one node id for two issues: one record would silently replace the other. */
function checkDuplicates(parsed: ParsedFile, indexes: number[]): void {
  const seen = new Map<string, number>();
  const nodeIds = new Map<string, number>();
  parsed.issues.forEach((item, i) => {
    const key = `${item.repository.owner}/${item.repository.name}#${item.issue.number}`.toLowerCase();
    const first = seen.get(key);
    const sameNode = nodeIds.get(item.issue.githubNodeId);
    if (first !== undefined) parsed.problems.push({ record: indexes[i]!, reason: `${key} appears twice (also record ${first})` });
    else if (sameNode !== undefined)
      parsed.problems.push({ record: indexes[i]!, reason: `node id ${item.issue.githubNodeId} is also record ${sameNode}’s` });
    seen.set(key, first ?? indexes[i]!);
    nodeIds.set(item.issue.githubNodeId, sameNode ?? indexes[i]!);
  });
}

export function parseJsonIssues(text: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { issues: [], problems: [{ record: -1, reason: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (!Array.isArray(data)) return { issues: [], problems: [{ record: -1, reason: 'the file must hold a JSON array of issues' }] };
  const parsed: ParsedFile = { issues: [], problems: [] };
  const indexes: number[] = [];
  data.forEach((value, record) => {
    const { issue, reasons } = readJsonIssue(value);
    if (issue) {
      parsed.issues.push(issue);
      indexes.push(record);
    }
    for (const reason of reasons) parsed.problems.push({ record, reason });
  });
  checkDuplicates(parsed, indexes);
  return parsed;
}

export function parseCsvIssues(text: string): ParsedFile {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, bom: true });
  } catch (error) {
    return { issues: [], problems: [{ record: -1, reason: `not valid CSV: ${(error as Error).message}` }] };
  }
  const parsed: ParsedFile = { issues: [], problems: [] };
  const unknownColumns = rows[0] ? Object.keys(rows[0]).filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c)) : [];
  if (unknownColumns.length) parsed.problems.push({ record: 1, reason: `unknown column(s): ${unknownColumns.join(', ')}` });
  const byKey = new Map<string, FileIssue>();
  const indexes: number[] = [];
  const pendingComments: { line: number; key: string; row: Record<string, string> }[] = [];
  rows.forEach((row, i) => {
    const line = i + 2;
    const reader = new FieldReader(row);
    const repository = parseRepositoryName(row.repository ?? '');
    if (!repository) reader.reasons.push('repository must be owner/name');
    const number = reader.integer('number', { min: 1 });
    const type = (row.type || 'issue').trim().toLowerCase();
    if (type === 'comment') {
      if (repository && number) pendingComments.push({ line, key: `${repository.owner}/${repository.name}#${number}`.toLowerCase(), row });
    } else if (type !== 'issue') {
      reader.reasons.push(`type must be issue or comment, not ${JSON.stringify(type)}`);
    } else {
      const title = reader.string('title');
      const state = upper(reader.string('state'));
      if (state && !['OPEN', 'CLOSED', 'MERGED'].includes(state))
        reader.reasons.push(`state must be open or closed, not ${JSON.stringify(state)}`);
      const createdAt = reader.date('created_at');
      const updatedAt = row.updated_at ? reader.date('updated_at') : createdAt;
      const closedAt = reader.date('closed_at', { optional: true });
      const reactions = reader.integer('reactions', { optional: true }) ?? 0;
      const isPullRequest = ['true', '1', 'yes'].includes((row.is_pull_request ?? '').trim().toLowerCase());
      // The link people follow from Concord: an issue or pull request address, nothing else.
      if (row.url && !repositoryFromIssueUrl(row.url))
        reader.reasons.push(`url is not an issue or pull request URL: ${JSON.stringify(row.url.slice(0, 80))}`);
      if (repository && number && title !== null && state && createdAt && updatedAt && reader.reasons.length === 0) {
        const issue: FileIssue = {
          repository,
          issue: {
            githubNodeId: row.node_id || syntheticNodeId(repository, number),
            number,
            title,
            body: row.body ?? '',
            state,
            stateReason: upper(row.state_reason || null),
            authorLogin: row.author || null,
            authorAssociation: row.author_association || null,
            createdAt,
            updatedAt,
            closedAt,
            url: row.url || `https://github.com/${repository.owner}/${repository.name}/${isPullRequest ? 'pull' : 'issues'}/${number}`,
            isPullRequest,
            labels: (row.labels ?? '')
              .split(';')
              .map((label) => label.trim())
              .filter(Boolean),
            reactionsCount: reactions,
            comments: [],
          },
        };
        parsed.issues.push(issue);
        indexes.push(line);
        byKey.set(`${repository.owner}/${repository.name}#${number}`.toLowerCase(), issue);
      }
    }
    for (const reason of reader.reasons) parsed.problems.push({ record: line, reason });
  });
  for (const { line, key, row } of pendingComments) {
    const owner = byKey.get(key);
    if (!owner) {
      parsed.problems.push({ record: line, reason: `comment on ${key}, which has no issue row in the file` });
      continue;
    }
    const reasons: string[] = [];
    const comment = readComment(
      {
        node_id: row.node_id || undefined,
        user: row.author ? { login: row.author } : null,
        author_association: row.author_association || null,
        body: row.body ?? '',
        created_at: row.created_at,
        updated_at: row.updated_at || row.created_at,
      },
      `${owner.issue.githubNodeId}:c${owner.issue.comments.length + 1}`,
      reasons,
      'comment',
    );
    if (comment) owner.issue.comments.push(comment);
    for (const reason of reasons) parsed.problems.push({ record: line, reason });
  }
  checkDuplicates(parsed, indexes);
  return parsed;
}
