// Reading a project's imported issues: filtered, searched (ranked, with highlighted matches) and
// paginated; the filter facets; and the ids behind a filter, for issue sets.
import type pg from 'pg';
import type { IssueFacets, IssueFilter, IssueListQuery, IssuePage } from '@concord/contracts';
import { SEARCH_CONFIG } from '../../lib/issue-search.ts';
import { headlineOptions, toSegments, withoutMarkers } from './highlight.ts';
import { changedSinceCodedSql, issueFilterSql } from './issue-filter.ts';

interface IssueRow {
  id: string;
  repository: string;
  number: number;
  title: string;
  state: string;
  isPullRequest: boolean;
  labels: string[];
  comments: number;
  createdAt: Date;
  closedAt: Date | null;
  url: string;
  changedSinceCoded: boolean;
  titleMarked: string | null;
  snippetMarked: string | null;
}

export function createIssuesService(pool: pg.Pool) {
  return {
    /** `codingsOf`: a coder sees "changed since coded" for their own codings only (null: everyone's, for leads). */
    async list(projectId: string, query: IssueListQuery, codingsOf: string | null): Promise<IssuePage> {
      const { where, params, query: tsquery, setParam } = issueFilterSql(projectId, query, codingsOf);
      // The count does not read the flag, so its placeholder goes to the page query only.
      const pageParams = codingsOf ? [...params, codingsOf] : params;
      const changedSinceCoded = changedSinceCodedSql(codingsOf ? `$${pageParams.length}` : null);
      const from = `FROM "Issue" i JOIN "Repository" r ON r.id = i."repositoryId" WHERE ${where}`;
      const order = tsquery
        ? `ts_rank(i."searchVector", ${tsquery}) DESC, i.id`
        : setParam
          ? `(SELECT m.position FROM "IssueSetMember" m WHERE m."setId" = ${setParam} AND m."issueId" = i.id)`
          : 'lower(r.owner), lower(r.name), i.number';
      const limit = `LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
      const [count, page] = await Promise.all([
        pool.query<{ total: number }>(`SELECT count(*)::int AS total ${from}`, params),
        pool.query<IssueRow>(
          `SELECT p.*,
             ${tsquery ? `ts_headline('${SEARCH_CONFIG}', ${withoutMarkers('p.title')}, ${tsquery}, ${headlineOptions('HighlightAll=true')})` : 'NULL'} AS "titleMarked",
             ${
               tsquery
                 ? `ts_headline('${SEARCH_CONFIG}', ${withoutMarkers(`p.body || E'\\n' || coalesce((SELECT string_agg(c.body, E'\\n' ORDER BY c."createdAt") FROM "Comment" c WHERE c."issueId" = p.id), '')`)}, ${tsquery}, ${headlineOptions('MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=" … "')})`
                 : 'NULL'
             } AS "snippetMarked"
           FROM (
             SELECT i.id, r.owner || '/' || r.name AS repository, i.number, i.title, i.body, i.state, i."isPullRequest", i.labels,
                    (SELECT count(*)::int FROM "Comment" c WHERE c."issueId" = i.id) AS comments, i."createdAt", i."closedAt", i.url,
                    ${changedSinceCoded} AS "changedSinceCoded"
             ${from} ORDER BY ${order} ${limit}
           ) p`,
          pageParams,
        ),
      ]);
      return {
        total: count.rows[0]!.total,
        page: query.page,
        pageSize: query.pageSize,
        items: page.rows.map((row) => ({
          id: row.id,
          repository: row.repository,
          number: row.number,
          title: row.title,
          state: row.state,
          isPullRequest: row.isPullRequest,
          labels: row.labels,
          comments: row.comments,
          createdAt: row.createdAt.toISOString(),
          closedAt: row.closedAt?.toISOString() ?? null,
          url: row.url,
          changedSinceCoded: row.changedSinceCoded,
          ...(row.titleMarked !== null && row.snippetMarked !== null
            ? { highlight: { title: toSegments(row.titleMarked), snippet: toSegments(row.snippetMarked) } }
            : {}),
        })),
      };
    },

    /** Every issue matching the filter, in a stable order (repository, number) so seeded samples reproduce. */
    async matching(projectId: string, filter: IssueFilter): Promise<{ id: string; repository: string }[]> {
      const { where, params } = issueFilterSql(projectId, filter);
      const { rows } = await pool.query<{ id: string; repository: string }>(
        `SELECT i.id, r.owner || '/' || r.name AS repository FROM "Issue" i JOIN "Repository" r ON r.id = i."repositoryId"
         WHERE ${where} ORDER BY lower(r.owner), lower(r.name), i.number`,
        params,
      );
      return rows;
    },

    async facets(projectId: string): Promise<IssueFacets> {
      const [repositories, labels] = await Promise.all([
        pool.query<{ name: string }>(
          `SELECT owner || '/' || name AS name FROM "Repository" WHERE "projectId" = $1 ORDER BY lower(owner), lower(name)`,
          [projectId],
        ),
        pool.query<{ name: string; issues: number }>(
          `SELECT label AS name, count(*)::int AS issues FROM "Issue", unnest(labels) AS label WHERE "projectId" = $1 GROUP BY label ORDER BY count(*) DESC, label LIMIT 500`,
          [projectId],
        ),
      ]);
      return { repositories: repositories.rows.map((r) => r.name), labels: labels.rows };
    },
  };
}

export type IssuesService = ReturnType<typeof createIssuesService>;
