// One line per codebook change for people ('Renamed "A" to "B"'), read from the change's details
// JSON. Details written before this module (or by hand) fall back to a generic line.
type Details = Record<string, unknown>;

const quote = (value: unknown) => `“${typeof value === 'string' ? value : '?'}”`;
const nameOf = (ref: unknown): string | undefined =>
  ref && typeof ref === 'object' && typeof (ref as Details).name === 'string' ? ((ref as Details).name as string) : undefined;
const count = (n: unknown, one: string, many = `${one}s`) => `${typeof n === 'number' ? n : 0} ${n === 1 ? one : many}`;

const FIELD_LABELS: Record<string, string> = {
  definition: 'definition',
  includeCriteria: 'include criteria',
  excludeCriteria: 'exclude criteria',
  color: 'colour',
  shortcut: 'shortcut',
};

/** The counts of codings a merge or split touched: every coder's, open rounds included. */
const CODING_COUNTS = ['codings', 'finalLabels', 'duplicatesRemoved', 'recodeItems'];

/** The details a coder may read: without coding counts, which would tell how often the others used a code. */
export function detailsForCoders(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !CODING_COUNTS.includes(key)));
}

function listJoin(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function place(ref: unknown): string {
  const parent = ref && typeof ref === 'object' ? (ref as Details).parent : undefined;
  const name = nameOf(parent);
  return name ? `under ${quote(name)}` : 'at the top level';
}

function parentLabel(ref: unknown): string {
  const name = nameOf(ref && typeof ref === 'object' ? (ref as Details).parent : undefined);
  return name ? quote(name) : 'the top level';
}

export function describeChange(kind: string, raw: unknown): string {
  const details: Details = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Details) : {};
  const code = nameOf(details.code);
  switch (kind) {
    case 'create':
      return `Added ${quote(code)} ${place(details)}`;
    case 'update': {
      const changes = (details.changes ?? {}) as Record<string, { from?: unknown; to?: unknown }>;
      const rename = changes.name;
      const others = Object.keys(changes)
        .filter((field) => field !== 'name')
        .map((field) => FIELD_LABELS[field] ?? field);
      if (rename && others.length === 0) return `Renamed ${quote(rename.from)} to ${quote(rename.to)}`;
      if (rename) return `Renamed ${quote(rename.from)} to ${quote(rename.to)} and edited its ${listJoin(others)}`;
      return `Edited the ${listJoin(others)} of ${quote(code)}`;
    }
    case 'move': {
      const from = details.from as Details | undefined;
      const to = details.to as Details | undefined;
      const sameParent = (from?.parent as Details | null)?.id === (to?.parent as Details | null)?.id;
      return sameParent
        ? `Reordered ${quote(code)} within ${parentLabel(to)}`
        : `Moved ${quote(code)} from ${parentLabel(from)} to ${parentLabel(to)}`;
    }
    case 'merge': {
      const moved =
        'codings' in details ? ` (${count(details.codings, 'coding')} and ${count(details.finalLabels, 'final label')} moved)` : '';
      return `Merged ${quote(nameOf(details.from))} into ${quote(nameOf(details.into))}${moved}`;
    }
    case 'split': {
      const into = Array.isArray(details.into) ? details.into.map((ref) => quote(nameOf(ref))) : [];
      const recode = 'recodeItems' in details ? ` (${count(details.recodeItems, 'issue')} to recode)` : '';
      return `Split ${quote(code)} into ${listJoin(into)}${recode}`;
    }
    case 'retire': {
      const descendants = Array.isArray(details.descendants) ? details.descendants.length : 0;
      return `Retired ${quote(code)}${descendants ? ` and its ${count(descendants, 'sub-code')}` : ''}`;
    }
    case 'unretire': {
      const descendants = Array.isArray(details.descendants) ? details.descendants.length : 0;
      return `Restored ${quote(code)}${descendants ? ` and its ${count(descendants, 'sub-code')}` : ''}`;
    }
    case 'example-add':
    case 'example-remove': {
      const issue = (details.issue ?? {}) as Details;
      const ref = `${typeof issue.repository === 'string' ? issue.repository : ''}#${typeof issue.number === 'number' ? issue.number : '?'}`;
      return kind === 'example-add' ? `Added example ${ref} to ${quote(code)}` : `Removed example ${ref} from ${quote(code)}`;
    }
    case 'import':
      return `Imported ${count(details.codes, 'code')} from a ${details.format === 'qdc' ? '.qdc' : 'JSON'} file ${place(details)}`;
    case 'copy': {
      const from = (details.from ?? {}) as Details;
      return `Copied ${count(details.codes, 'code')} from stage ${quote(from.stageName)} of ${quote(from.projectName)} ${place(details)}`;
    }
    default: {
      // Older entries, e.g. { code: 'PTM-related', field: 'definition', note: '…' }.
      const subject = typeof details.code === 'string' ? details.code : code;
      const field = typeof details.field === 'string' ? details.field : undefined;
      const note = typeof details.note === 'string' ? `: ${details.note}` : '';
      if (subject && field) return `Edited the ${FIELD_LABELS[field] ?? field} of ${quote(subject)}${note}`;
      return `${kind.charAt(0).toUpperCase()}${kind.slice(1)}${subject ? ` ${quote(subject)}` : ''}${note}`;
    }
  }
}
