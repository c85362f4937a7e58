// The rows an import writes, independent of where they came from (GitHub's GraphQL API, a REST
// or GraphQL-shaped JSON file, or a CSV file).

export interface ImportedComment {
  githubNodeId: string;
  authorLogin: string | null;
  authorAssociation: string | null;
  body: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ImportedIssue {
  githubNodeId: string;
  number: number;
  title: string;
  body: string;
  /** OPEN, CLOSED (and MERGED for pull requests), as GitHub's GraphQL API spells them. */
  state: string;
  stateReason: string | null;
  authorLogin: string | null;
  authorAssociation: string | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  url: string;
  isPullRequest: boolean;
  labels: string[];
  reactionsCount: number;
  comments: ImportedComment[];
}

/** `owner/name` of a repository. */
export interface RepositoryName {
  owner: string;
  name: string;
}
