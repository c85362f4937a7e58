// GitHub issues as Concord imports them: the GraphQL documents, the mapping of GitHub's GraphQL
// and REST shapes to import rows, and the file formats. Pure: no I/O.
export * from './types.ts';
export * from './queries.ts';
export * from './graphql-mapping.ts';
export { parseRepositoryList, parseRepositoryName, repositoryFromIssueUrl } from './repository-name.ts';
export { CSV_COLUMNS, parseCsvIssues, parseJsonIssues, type FileIssue, type ParsedFile, type RecordProblem } from './file-records.ts';
