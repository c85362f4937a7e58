// The content hash of an issue: what a coder read (title, body, comments). When a later import
// changes it, the issue's contentVersion goes up and existing codings are known to be stale.
import { createHash } from 'node:crypto';

export function issueContentHash(issue: { title: string; body: string; comments: { body: string }[] }): string {
  const hash = createHash('sha256');
  // Lengths are hashed too, so moving text between fields changes the hash.
  for (const part of [issue.title, issue.body, ...issue.comments.map((c) => c.body)]) {
    hash.update(`${part.length}:`).update(part);
  }
  return hash.digest('hex');
}
