// A link to an issue as imported, opened in a new tab without access to this window. Its address
// came from GitHub or a file: only an http(s) one makes a link, anything else stays plain text.
import type { ReactNode } from 'react';
import { Anchor, type AnchorProps } from '@mantine/core';
import { safeExternalUrl } from '../safe-url.ts';

export function GitHubLink({ url, children, ...anchor }: AnchorProps & { url: string; children: ReactNode }) {
  return (
    <Anchor href={safeExternalUrl(url) ?? undefined} target="_blank" rel="noopener noreferrer" {...anchor}>
      {children}
    </Anchor>
  );
}
