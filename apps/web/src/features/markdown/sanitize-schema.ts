// The allow-list that issue text passes through before it reaches the page: GitHub's own
// sanitation (the schema rehype-sanitize ships) made stricter. Nothing from an issue may run:
// no scripts, styles, frames, forms, event handlers or script URLs; images only over https.
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

const base = defaultSchema;

// Elements removed together with their content: what is inside them is code or markup, never
// prose a coder needs (GitHub shows nothing of them either).
const STRIPPED = ['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'noscript', 'template', 'title', 'xmp', 'noembed'];

// GitHub allows these on every element; here they would let an issue move focus around the
// coding screen (tabIndex) or steal keyboard shortcuts (accessKey). Forms are not allowed, so
// their attributes go too.
const DROPPED_GLOBAL_ATTRIBUTES = new Set(['tabIndex', 'accessKey', 'action', 'method', 'encType', 'acceptCharset', 'accept']);

/** Put before every id and name from issue text, so that none can shadow the page's own. */
export const CLOBBER_PREFIX = 'user-content-';

export const sanitizeSchema: SanitizeSchema = {
  ...base,
  clobberPrefix: CLOBBER_PREFIX,
  // `source` carries srcSet, whose URLs escape the https-only check of `src`.
  tagNames: (base.tagNames ?? []).filter((tag) => tag !== 'source'),
  attributes: {
    ...base.attributes,
    '*': (base.attributes?.['*'] ?? []).filter((attribute) => typeof attribute !== 'string' || !DROPPED_GLOBAL_ATTRIBUTES.has(attribute)),
    source: [],
  },
  protocols: {
    ...base.protocols,
    href: ['http', 'https', 'mailto'],
    cite: ['http', 'https'],
    longDesc: ['http', 'https'],
    src: ['https'],
  },
  strip: STRIPPED,
};
