// The last check of every URL in rendered issue text (after sanitizing): links only to http(s)
// and mailto, images only over https. Relative URLs resolve against the issue on GitHub, where
// they were written, so they can never point into Concord itself.
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const FALLBACK_BASE = 'https://github.com/';

function resolve(raw: string, baseUrl: string): URL | null {
  let base = FALLBACK_BASE;
  try {
    if (new URL(baseUrl).protocol === 'https:') base = baseUrl;
  } catch {
    // An issue URL that does not parse: resolve against GitHub itself.
  }
  try {
    // The URL parser removes tabs and newlines and decodes the scheme the way browsers do, so
    // "java\tscript:" is seen as what it is.
    return new URL(raw.trim(), base);
  } catch {
    return null;
  }
}

/** The address a link may open, or null to drop the link (its text stays). */
export function safeLinkUrl(raw: string, baseUrl: string): string | null {
  // Footnote references and back-references stay on the page.
  if (/^#[^\s]*$/.test(raw.trim())) return raw.trim();
  const url = resolve(raw, baseUrl);
  return url && LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/**
 * An issue's own address (an "Open on GitHub" link), as imported: only an absolute http(s) URL,
 * so a crafted file cannot turn it into a `javascript:` or `data:` link. Null: show no link.
 */
export function safeExternalUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password ? url.href : null;
  } catch {
    return null;
  }
}

/** The address an image may load from, or null to drop the image. */
export function safeImageUrl(raw: string, baseUrl: string): string | null {
  const url = resolve(raw, baseUrl);
  return url && url.protocol === 'https:' ? url.href : null;
}
