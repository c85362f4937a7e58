// Repository names as people paste them: `owner/name`, a github.com URL, one or several per line.

import type { RepositoryName } from './types.ts';

// GitHub's rules: owners are alphanumeric with single hyphens; names also allow `.` and `_`.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

export function parseRepositoryName(text: string): RepositoryName | null {
  const trimmed = text
    .trim()
    .replace(/^https?:\/\/[^/]+\//, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  const [owner, name, ...rest] = trimmed.split('/');
  if (rest.length > 0 || !owner || !name || !OWNER.test(owner) || !NAME.test(name) || name === '.' || name === '..') return null;
  return { owner, name };
}

/** Splits a pasted list (lines, commas or spaces); returns the parsed names and what could not be read. */
export function parseRepositoryList(text: string): { repositories: RepositoryName[]; invalid: string[] } {
  const repositories: RepositoryName[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const item of text.split(/[\s,]+/).filter(Boolean)) {
    const parsed = parseRepositoryName(item);
    if (!parsed) invalid.push(item);
    else if (!seen.has(`${parsed.owner}/${parsed.name}`.toLowerCase())) {
      seen.add(`${parsed.owner}/${parsed.name}`.toLowerCase());
      repositories.push(parsed);
    }
  }
  return { repositories, invalid };
}

/** The repository of an issue or pull request URL (html or API), e.g. https://github.com/o/n/issues/3. */
export function repositoryFromIssueUrl(url: string): RepositoryName | null {
  // No user@ before the host: https://github.com@evil.example/… is evil.example.
  const match = /^https?:\/\/[^/@]+\/(?:api\/v3\/)?(?:repos\/)?([^/]+)\/([^/]+)\/(?:issues|pull|pulls)\/\d+\/?$/.exec(url);
  return match ? parseRepositoryName(`${match[1]}/${match[2]}`) : null;
}
