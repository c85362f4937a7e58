// Deterministic fake repositories: issues (and pull requests) with labels, reactions and comments,
// generated from a seed so tests and the benchmark can compare what was stored with the source.

export interface FakeComment {
  id: string;
  body: string;
  author: string | null;
  authorAssociation: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakeIssue {
  id: string;
  number: number;
  title: string;
  body: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  stateReason: string | null;
  author: string | null;
  authorAssociation: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  labels: string[];
  reactions: number;
  isPullRequest: boolean;
  comments: FakeComment[];
}

export interface FakeRepository {
  id: string;
  owner: string;
  name: string;
  /** Issues and pull requests share GitHub's number sequence. */
  issues: FakeIssue[];
}

export interface GenerateOptions {
  owner: string;
  name: string;
  issues: number;
  pullRequests?: number;
  /** Comments of the i-th item (0-based); default 0–4. */
  comments?: (index: number) => number;
  seed?: number;
  /** Characters of an issue body, about. */
  bodyLength?: number;
}

/** mulberry32: tiny, fast, good enough for test data. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'model weights tokenizer checkpoint inference training gpu cuda memory error crash load save pipeline version upgrade fine-tune dataset batch layer config export onnx quantize latency accuracy docs example'.split(
    ' ',
  );
const LABELS = ['bug', 'question', 'enhancement', 'documentation', 'good first issue', 'wontfix', 'duplicate'];
const ASSOCIATIONS = ['NONE', 'CONTRIBUTOR', 'MEMBER', 'OWNER', 'FIRST_TIME_CONTRIBUTOR'];

export function fakeNodeId(prefix: string, ...parts: (string | number)[]): string {
  return `${prefix}_${Buffer.from(parts.join(':')).toString('base64url')}`;
}

export function generateRepository(options: GenerateOptions): FakeRepository {
  const random = generator(options.seed ?? 1);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const text = (length: number) => {
    let out = '';
    while (out.length < length) out += `${words(8)}. `;
    return out.trim();
  };
  const start = Date.UTC(2023, 0, 1);
  const total = options.issues + (options.pullRequests ?? 0);
  const pullRequestNumbers = new Set<number>();
  while (pullRequestNumbers.size < (options.pullRequests ?? 0)) pullRequestNumbers.add(1 + Math.floor(random() * total));
  const issues: FakeIssue[] = [];
  for (let number = 1; number <= total; number++) {
    const createdMs = start + number * 3_600_000;
    const isPullRequest = pullRequestNumbers.has(number);
    const closed = random() < 0.6;
    const commentCount = options.comments ? options.comments(number - 1) : Math.floor(random() * 5);
    const comments: FakeComment[] = Array.from({ length: commentCount }, (_, c) => {
      const at = new Date(createdMs + (c + 1) * 60_000).toISOString();
      return {
        id: fakeNodeId('IC', options.owner, options.name, number, c),
        body: text(120 + Math.floor(random() * 160)),
        author: random() < 0.05 ? null : `user${Math.floor(random() * 500)}`,
        authorAssociation: pick(ASSOCIATIONS),
        createdAt: at,
        updatedAt: at,
      };
    });
    const updatedMs = createdMs + (commentCount + 1) * 60_000;
    issues.push({
      id: fakeNodeId(isPullRequest ? 'PR' : 'I', options.owner, options.name, number),
      number,
      title: `${pick(['Cannot', 'How to', 'Error when', 'Support for', 'Slow'])} ${words(5)}`,
      body: text(options.bodyLength ?? 400 + Math.floor(random() * 400)),
      state: closed ? (isPullRequest ? 'MERGED' : 'CLOSED') : 'OPEN',
      stateReason: !isPullRequest && closed ? pick(['COMPLETED', 'NOT_PLANNED']) : null,
      author: random() < 0.03 ? null : `user${Math.floor(random() * 500)}`,
      authorAssociation: pick(ASSOCIATIONS),
      createdAt: new Date(createdMs).toISOString(),
      updatedAt: new Date(updatedMs).toISOString(),
      closedAt: closed ? new Date(updatedMs).toISOString() : null,
      labels: LABELS.filter(() => random() < 0.2),
      reactions: Math.floor(random() * 10),
      isPullRequest,
      comments,
    });
  }
  return { id: fakeNodeId('R', options.owner, options.name), owner: options.owner, name: options.name, issues };
}
