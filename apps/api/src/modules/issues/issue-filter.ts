// The SQL of an issue filter (repository, state, labels, dates, full-text search, issue set,
// changed since coded), shared by the issue list and by issue sets so both choose alike.
import type { IssueFilter } from '@concord/contracts';
import { SEARCH_CONFIG } from '../../lib/issue-search.ts';

export interface FilterSql {
  /** Conditions on `i` ("Issue") joined with `r` ("Repository"). */
  where: string;
  params: unknown[];
  /** The tsquery expression when searching, for ranking and highlighting. */
  query: string | null;
  /** The placeholder of the issue set's id, to order by the set's drawn order. */
  setParam: string | null;
}

/**
 * SQL (on issue `i`): its text changed after it was coded. With `coderParam` (the placeholder of a
 * coder's id) only that coder's codings count: a coder learns nothing of who else coded what.
 */
export const changedSinceCodedSql = (coderParam: string | null) =>
  `EXISTS (SELECT 1 FROM "Coding" c WHERE c."issueId" = i.id AND c."issueContentVersion" < i."contentVersion"${
    coderParam ? ` AND c."coderId" = ${coderParam}::uuid` : ''
  })`;

/** `params` starts with the project id ($1). `codingsOf`: whose codings "changed since coded" counts (null: everyone's). */
export function issueFilterSql(projectId: string, filter: IssueFilter, codingsOf: string | null = null): FilterSql {
  const params: unknown[] = [projectId];
  const add = (value: unknown) => `$${params.push(value)}`;
  const conditions = ['i."projectId" = $1'];
  if (filter.repository?.length)
    conditions.push(`lower(r.owner || '/' || r.name) = ANY(${add(filter.repository.map((name) => name.toLowerCase()))}::text[])`);
  if (filter.state?.length) conditions.push(`i.state = ANY(${add(filter.state)}::text[])`);
  if (filter.labels?.length) conditions.push(`i.labels @> ${add(filter.labels)}::text[]`);
  if (filter.createdFrom) conditions.push(`i."createdAt" >= ${add(filter.createdFrom)}::date`);
  if (filter.createdTo) conditions.push(`i."createdAt" < ${add(filter.createdTo)}::date + 1`);
  if (filter.kind === 'issues') conditions.push('NOT i."isPullRequest"');
  if (filter.kind === 'pullRequests') conditions.push('i."isPullRequest"');
  if (filter.changedSinceCoded) conditions.push(changedSinceCodedSql(codingsOf ? add(codingsOf) : null));
  const setParam = filter.setId ? add(filter.setId) : null;
  if (setParam) conditions.push(`EXISTS (SELECT 1 FROM "IssueSetMember" m WHERE m."setId" = ${setParam} AND m."issueId" = i.id)`);
  const search = filter.search?.trim();
  let query: string | null = null;
  if (search) {
    query = `websearch_to_tsquery('${SEARCH_CONFIG}', ${add(search)})`;
    conditions.push(`i."searchVector" @@ ${query}`);
  }
  return { where: conditions.join(' AND '), params, query, setParam };
}
