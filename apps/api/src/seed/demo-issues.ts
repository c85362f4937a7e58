// Synthetic issues in the shape of the reference study (pre-trained model reuse): markdown with
// code blocks and stack traces, several comments, open and closed issues over several months.
// A seeded generator keeps the demo identical on every machine.

export interface DemoComment {
  author: string;
  association: string;
  body: string;
  createdAt: Date;
}

export interface DemoIssue {
  repository: string;
  number: number;
  title: string;
  body: string;
  state: 'OPEN' | 'CLOSED';
  stateReason: string | null;
  author: string;
  association: string;
  labels: string[];
  reactions: number;
  createdAt: Date;
  closedAt: Date | null;
  comments: DemoComment[];
  /** What a careful coder would decide; the demo's codings deviate from it on purpose. */
  truth: { relevant: boolean; challenges: string[] };
}

export const DEMO_REPOSITORIES = ['huggingface-demo/transformers-lite', 'pytorch-demo/vision-hub', 'onnx-demo/model-zoo'] as const;

// mulberry32: a tiny deterministic PRNG, good enough for demo data.
export function seededRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  {
    title: 'Loading {model} with from_pretrained fails after upgrading to {version}',
    labels: ['bug', 'model-loading'],
    truth: { relevant: true, challenges: ['Model loading'] },
    body: '### Describe the bug\n\nAfter upgrading to `{version}`, loading `{model}` raises an error.\n\n### To reproduce\n\n```python\nfrom demo import AutoModel\nmodel = AutoModel.from_pretrained("{model}")\n```\n\n### Stack trace\n\n```\nTraceback (most recent call last):\n  File "repro.py", line 2, in <module>\n    model = AutoModel.from_pretrained("{model}")\n  File "modeling_utils.py", line 3120, in from_pretrained\n    state_dict = load_state_dict(resolved_archive_file)\nKeyError: \'encoder.layer.0.attention.self.query.weight\'\n```\n\n### Environment\n\n| package | version |\n|---|---|\n| demo | {version} |\n| torch | 2.4.1 |\n| python | 3.11 |\n',
  },
  {
    title: 'CUDA out of memory when fine-tuning {model} on a 16 GB GPU',
    labels: ['question', 'performance'],
    truth: { relevant: true, challenges: ['Hardware and Computation Resources'] },
    body: 'I am fine-tuning `{model}` with batch size 8 and get an OOM on a 16 GB card.\n\n```\nRuntimeError: CUDA out of memory. Tried to allocate 1.50 GiB (GPU 0; 15.78 GiB total capacity; 13.02 GiB already allocated)\n```\n\nIs gradient checkpointing supported for this model? The docs do not say.\n\n- [x] I searched existing issues\n- [ ] I tried a smaller batch size\n',
  },
  {
    title: 'Outputs of {model} differ between CPU and GPU',
    labels: ['bug', 'numerics'],
    truth: { relevant: true, challenges: ['Numerical differences'] },
    body: 'The logits of `{model}` differ by up to `1e-2` between CPU and GPU, which changes the predicted class for about 3% of our test set.\n\n```python\ntorch.testing.assert_close(cpu_logits, gpu_logits.cpu(), atol=1e-4, rtol=1e-4)\n# AssertionError: Tensor-likes are not close!\n```\n\nExpected: results within tolerance, as in {version}.\n',
  },
  {
    title: 'Documentation for {model} does not explain the expected input format',
    labels: ['documentation'],
    truth: { relevant: true, challenges: ['Developer Information and Documentation', 'API misuse'] },
    body: 'The model card for `{model}` shows only a one-line example. What image size and normalisation does it expect?\n\n> The model expects pixel values\n\nbut which mean and std? The example in the README uses a different processor than the paper.\n',
  },
  {
    title: 'Export of {model} to ONNX fails with opset 17',
    labels: ['bug', 'export'],
    truth: { relevant: true, challenges: ['Export and conversion'] },
    body: '```\n$ python -m demo.onnx --model {model} --opset 17 out/\nTraceback (most recent call last):\n  File "convert.py", line 88, in export\n    torch.onnx.export(model, dummy, path, opset_version=17)\ntorch.onnx.errors.UnsupportedOperatorError: Exporting the operator \'aten::scaled_dot_product_attention\' to ONNX opset version 17 is not supported.\n```\n\nWorks with opset 14. Is 17 meant to be supported in {version}?\n',
  },
  {
    title: 'Dependency conflict between {version} and protobuf 5',
    labels: ['dependencies'],
    truth: { relevant: false, challenges: [] },
    body: "Installing `{version}` next to `tensorflow==2.17` fails:\n\n```\nERROR: pip's dependency resolver does not currently take into account all the packages that are installed.\ndemo {version} requires protobuf<5, but you have protobuf 5.27.0 which is incompatible.\n```\n",
  },
  {
    title: 'Add support for {model} quantized weights',
    labels: ['enhancement'],
    truth: { relevant: false, challenges: [] },
    body: 'It would be great to load the int8 weights of `{model}` directly. Today we have to convert them by hand:\n\n```python\nmodel = quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)\n```\n\nThis takes 20 minutes for the large variant.\n',
  },
  {
    title: 'Inference with {model} is 5x slower on Apple M2 than on x86',
    labels: ['performance'],
    truth: { relevant: true, challenges: ['Slow inference', 'Hardware and Computation Resources'] },
    body: 'Benchmark (batch 1, sequence 512):\n\n| device | ms / token |\n|---|---|\n| x86 + AVX2 | 41 |\n| M2 (mps) | 212 |\n\nIs the `mps` backend expected to be this slow for `{model}`?\n',
  },
];

const MODELS = ['bert-base-uncased', 'resnet-50', 'vit-base-patch16', 'whisper-small', 'llama-7b', 't5-small', 'clip-vit-b32', 'yolov8n'];
const VERSIONS = ['4.41.0', '4.42.3', '0.18.1', '1.16.0', '2.3.0'];
const PEOPLE = ['ada-l', 'grace-h', 'alan-t', 'linus-t', 'margaret-h', 'ken-t', 'barbara-l', 'donald-k', 'edsger-d', 'frances-a'];
const ASSOCIATIONS = ['NONE', 'CONTRIBUTOR', 'NONE', 'FIRST_TIME_CONTRIBUTOR', 'NONE'];
const REPLIES = [
  'Thanks for the report! Could you share the output of `pip freeze`?',
  'I can reproduce this with the snippet above. It looks like a regression from #{n}.\n\n```diff\n- key = prefix + name\n+ key = name\n```',
  'Same here on Ubuntu 22.04 with CUDA 12.1.',
  'This is expected: see the note in the migration guide about renamed weights.',
  'A workaround that worked for me:\n\n```python\nmodel.config.use_cache = False\n```',
  'Closing as fixed by the linked pull request; please reopen if it persists in the next release.',
  'Any update on this? It blocks our upgrade.',
];

const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.UTC(2024, 0, 8);

export function generateDemoIssues(count = 60): DemoIssue[] {
  const random = seededRandom(2025);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const fill = (text: string, model: string, version: string, n: number) =>
    text.replaceAll('{model}', model).replaceAll('{version}', version).replaceAll('{n}', String(n));

  return Array.from({ length: count }, (_, index) => {
    const repository = DEMO_REPOSITORIES[index % DEMO_REPOSITORIES.length]!;
    const number = 100 + Math.floor(index / DEMO_REPOSITORIES.length) * 7 + (index % 5);
    const topic = pick(TOPICS);
    const model = pick(MODELS);
    const version = pick(VERSIONS);
    const createdAt = new Date(START + Math.floor(random() * 300) * DAY_MS + Math.floor(random() * DAY_MS));
    const closed = random() < 0.65;
    const closedAt = closed ? new Date(createdAt.getTime() + Math.floor(1 + random() ** 2 * 120) * DAY_MS) : null;
    const commentCount = 1 + Math.floor(random() * 5);
    const comments = Array.from({ length: commentCount }, (_, c) => ({
      author: pick(PEOPLE),
      association: c === commentCount - 1 && closed ? 'MEMBER' : pick(ASSOCIATIONS),
      body: fill(c === commentCount - 1 && closed ? REPLIES[5]! : pick(REPLIES), model, version, number - 3),
      createdAt: new Date(createdAt.getTime() + (c + 1) * Math.floor(1 + random() * 4) * DAY_MS),
    }));
    return {
      repository,
      number,
      title: fill(topic.title, model, version, number),
      body: fill(topic.body, model, version, number),
      state: closed ? 'CLOSED' : 'OPEN',
      stateReason: closed ? (random() < 0.85 ? 'COMPLETED' : 'NOT_PLANNED') : null,
      author: pick(PEOPLE),
      association: pick(ASSOCIATIONS),
      labels: topic.labels,
      truth: topic.truth,
      reactions: Math.floor(random() * 12),
      createdAt,
      closedAt,
      comments,
    };
  });
}
