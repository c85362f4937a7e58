// GitHub-flavoured markdown from an issue (tables, task lists, strikethrough, autolinks, raw
// HTML), rendered safely: raw HTML is parsed, then cut down to an allow-list, and every URL is
// checked again. Links open in a new tab; long code blocks and logs collapse behind "Show more".
import { memo, type ComponentPropsWithoutRef } from 'react';
import Markdown, { type Components, type Options } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { Spoiler, Typography } from '@mantine/core';
import { safeImageUrl, safeLinkUrl } from '../safe-url.ts';
import { CLOBBER_PREFIX, sanitizeSchema } from '../sanitize-schema.ts';
import classes from './markdown-view.module.css';

const remarkPlugins: Options['remarkPlugins'] = [remarkGfm];
// Order matters: highlighting runs after sanitizing, so its classes survive and nothing it adds
// is ever taken from the issue.
const rehypePlugins: Options['rehypePlugins'] = [rehypeRaw, [rehypeSanitize, sanitizeSchema], [rehypeHighlight, { detect: false }]];

// Footnote ids get their prefix from the sanitizer alone, not also from remark-rehype.
const remarkRehypeOptions: Options['remarkRehypeOptions'] = { clobberPrefix: '' };

/** Code blocks and logs taller than this collapse. */
const CODE_MAX_HEIGHT = 320;

type HeadingProps = ComponentPropsWithoutRef<'h1'> & { node?: unknown };

// The page's own headings are h1 (the issue) and h2 (comments, codebook): an issue's headings
// sit two levels below, so screen reader users keep a sensible outline.
function shiftedHeading(Tag: 'h3' | 'h4' | 'h5' | 'h6') {
  return function ShiftedHeading({ node: _node, ...props }: HeadingProps) {
    return <Tag {...props} />;
  };
}

const components: Components = {
  a({ node: _node, href, children, ...props }) {
    if (!href) return <span>{children}</span>;
    if (href.startsWith('#')) {
      // Ids from issue text all carry the sanitizer's prefix (so that they cannot clobber the
      // page's globals); in-page links must point at the prefixed id, as on GitHub.
      const target = href.startsWith(`#${CLOBBER_PREFIX}`) ? href : `#${CLOBBER_PREFIX}${href.slice(1)}`;
      return (
        <a href={target} {...props}>
          {children}
        </a>
      );
    }
    return (
      <a href={href} {...props} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    );
  },
  img({ node: _node, src, alt, ...props }) {
    // No src left means the check dropped it (not https): show nothing rather than a broken image.
    if (typeof src !== 'string' || !src) return null;
    return <img {...props} src={src} alt={alt ?? ''} loading="lazy" decoding="async" referrerPolicy="no-referrer" />;
  },
  pre({ node: _node, ...props }) {
    return (
      <Spoiler maxHeight={CODE_MAX_HEIGHT} showLabel="Show more" hideLabel="Show less" transitionDuration={0} className={classes.spoiler}>
        <pre {...props} />
      </Spoiler>
    );
  },
  table({ node: _node, ...props }) {
    return (
      <div className={classes.tableScroll}>
        <table {...props} />
      </div>
    );
  },
  h1: shiftedHeading('h3'),
  h2: shiftedHeading('h4'),
  h3: shiftedHeading('h5'),
  h4: shiftedHeading('h6'),
  h5: shiftedHeading('h6'),
  h6: shiftedHeading('h6'),
};

interface MarkdownViewProps {
  source: string;
  /** The address on GitHub: relative links and images resolve against it. */
  baseUrl: string;
}

export const MarkdownView = memo(function MarkdownView({ source, baseUrl }: MarkdownViewProps) {
  return (
    <Typography className={classes.root} data-markdown>
      <Markdown
        remarkPlugins={remarkPlugins}
        rehypePlugins={rehypePlugins}
        remarkRehypeOptions={remarkRehypeOptions}
        components={components}
        urlTransform={(url, key) => (key === 'src' ? safeImageUrl(url, baseUrl) : safeLinkUrl(url, baseUrl))}
      >
        {source}
      </Markdown>
    </Typography>
  );
});
