// The URL gate of rendered issue text: the schemes attackers use are refused however they are
// spelled, relative links resolve against the issue on GitHub, images load only over https.
import { describe, expect, it } from 'vitest';
import { safeExternalUrl, safeImageUrl, safeLinkUrl } from './safe-url.ts';

const ISSUE = 'https://github.com/octo/repo/issues/7';

describe('safeLinkUrl', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
  ])('refuses %j', (raw) => {
    expect(safeLinkUrl(raw, ISSUE)).toBeNull();
  });

  it('keeps http(s) and mailto links, and footnote anchors', () => {
    expect(safeLinkUrl('https://example.org/a?b=c', ISSUE)).toBe('https://example.org/a?b=c');
    expect(safeLinkUrl('http://example.org', ISSUE)).toBe('http://example.org/');
    expect(safeLinkUrl('mailto:a@b.org', ISSUE)).toBe('mailto:a@b.org');
    expect(safeLinkUrl('#user-content-fn-1', ISSUE)).toBe('#user-content-fn-1');
  });

  it('resolves relative links against the issue on GitHub, never against Concord', () => {
    expect(safeLinkUrl('../pull/3', ISSUE)).toBe('https://github.com/octo/repo/pull/3');
    expect(safeLinkUrl('/octo/repo/wiki', 'not a url')).toBe('https://github.com/octo/repo/wiki');
  });
});

describe('safeImageUrl', () => {
  it('loads images only over https', () => {
    expect(safeImageUrl('https://user-images.githubusercontent.com/1.png', ISSUE)).toBe('https://user-images.githubusercontent.com/1.png');
    expect(safeImageUrl('http://example.org/1.png', ISSUE)).toBeNull();
    expect(safeImageUrl('data:image/svg+xml,<svg onload=alert(1)>', ISSUE)).toBeNull();
    expect(safeImageUrl('javascript:alert(1)', ISSUE)).toBeNull();
  });
});

describe('safeExternalUrl', () => {
  it.each(['javascript:alert(1)', 'data:text/html,<script>x</script>', 'https://github.com@evil.example/o/n/issues/1', '/relative', ''])(
    'gives no link for %j',
    (raw) => {
      expect(safeExternalUrl(raw)).toBeNull();
    },
  );

  it('keeps an issue’s own http(s) address', () => {
    expect(safeExternalUrl(ISSUE)).toBe(ISSUE);
    expect(safeExternalUrl('http://ghe.example.org/o/n/pull/2')).toBe('http://ghe.example.org/o/n/pull/2');
  });
});
