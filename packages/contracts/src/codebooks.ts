// Stages and their codebooks (owned by the codebook module; see apps/api/src/modules/codebooks):
// the stage list and settings, the codebook tree and every edit of it, its history, the recode
// queue and the exchange formats (Concord JSON, REFI-QDA .qdc).
import { Type, type Static } from 'typebox';
import { Id, IsoDate } from './common.ts';

export const StageMode = Type.Union([Type.Literal('single'), Type.Literal('multi')]);
export type StageMode = Static<typeof StageMode>;

const StageName = Type.String({ minLength: 1, maxLength: 120 });
const CodeName = Type.String({ minLength: 1, maxLength: 200 });
const LongText = Type.String({ maxLength: 20_000 });
const Color = Type.String({ pattern: '^#[0-9A-Fa-f]{6}$', description: '#RRGGBB' });
const Shortcut = Type.String({
  minLength: 1,
  maxLength: 16,
  pattern: '^\\S+$',
  description: 'A key or key sequence, unique among active codes',
});

export const StageInput = Type.Object(
  { stageId: Id, stageName: Type.String(), codeId: Id, codeName: Type.String() },
  { description: 'Only issues whose final label in this earlier stage contains this code' },
);
export type StageInput = Static<typeof StageInput>;

export const Stage = Type.Object({
  id: Id,
  name: Type.String(),
  /** 0-based place in the project's order of stages. */
  position: Type.Integer(),
  mode: StageMode,
  /** Multi-level codebooks: whether a code with sub-codes may itself be applied. */
  parentCodesCodable: Type.Boolean(),
  input: Type.Union([StageInput, Type.Null()]),
  codebookVersion: Type.Integer(),
  /** Active (not retired) codes. */
  codes: Type.Integer(),
  createdAt: IsoDate,
});
export type Stage = Static<typeof Stage>;

export const CreateStageBody = Type.Object({
  name: StageName,
  mode: StageMode,
  parentCodesCodable: Type.Optional(Type.Boolean({ default: false })),
  inputStageId: Type.Optional(Type.Union([Id, Type.Null()])),
  inputCodeId: Type.Optional(Type.Union([Id, Type.Null()])),
});
export type CreateStageBody = Static<typeof CreateStageBody>;

export const UpdateStageBody = Type.Object({
  name: Type.Optional(StageName),
  mode: Type.Optional(StageMode),
  parentCodesCodable: Type.Optional(Type.Boolean()),
  /** Both or neither; null for both removes the input restriction. */
  inputStageId: Type.Optional(Type.Union([Id, Type.Null()])),
  inputCodeId: Type.Optional(Type.Union([Id, Type.Null()])),
  /** Move the stage to this 0-based place; the others are re-numbered. */
  position: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type UpdateStageBody = Static<typeof UpdateStageBody>;

export const CodeExample = Type.Object({
  issueId: Id,
  repository: Type.String({ description: 'owner/name' }),
  number: Type.Integer(),
  title: Type.String(),
  url: Type.String(),
  note: Type.String(),
});
export type CodeExample = Static<typeof CodeExample>;

/** What every view of a code shows: the codebook editor and the coding screen. */
export const CodeFields = Type.Object({
  id: Id,
  parentId: Type.Union([Id, Type.Null()]),
  name: Type.String(),
  definition: Type.String(),
  includeCriteria: Type.String(),
  excludeCriteria: Type.String(),
  color: Type.Union([Type.String(), Type.Null()]),
  shortcut: Type.Union([Type.String(), Type.Null()]),
  /** 0-based place among its siblings (retired siblings included). */
  position: Type.Integer(),
});

export const CodebookCode = Type.Object({
  ...CodeFields.properties,
  retired: Type.Boolean(),
  retiredAt: Type.Union([IsoDate, Type.Null()]),
  examples: Type.Array(CodeExample),
});
export type CodebookCode = Static<typeof CodebookCode>;

export const Codebook = Type.Object({
  stageId: Id,
  version: Type.Integer(),
  /** Tree order: parents before their children, siblings by position. Coders get no retired codes. */
  codes: Type.Array(CodebookCode),
});
export type Codebook = Static<typeof Codebook>;

export const CodeParams = Type.Object({ projectId: Id, stageId: Id, codeId: Id });
export const CodeExampleParams = Type.Object({ projectId: Id, stageId: Id, codeId: Id, issueId: Id });

export const CreateCodeBody = Type.Object({
  parentId: Type.Optional(Type.Union([Id, Type.Null()])),
  name: CodeName,
  definition: Type.Optional(LongText),
  includeCriteria: Type.Optional(LongText),
  excludeCriteria: Type.Optional(LongText),
  color: Type.Optional(Type.Union([Color, Type.Null()])),
  shortcut: Type.Optional(Type.Union([Shortcut, Type.Null()])),
  /** 0-based place among the new siblings; the end when omitted. */
  position: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type CreateCodeBody = Static<typeof CreateCodeBody>;

export const UpdateCodeBody = Type.Object({
  name: Type.Optional(CodeName),
  definition: Type.Optional(LongText),
  includeCriteria: Type.Optional(LongText),
  excludeCriteria: Type.Optional(LongText),
  color: Type.Optional(Type.Union([Color, Type.Null()])),
  shortcut: Type.Optional(Type.Union([Shortcut, Type.Null()])),
});
export type UpdateCodeBody = Static<typeof UpdateCodeBody>;

export const MoveCodeBody = Type.Object({
  parentId: Type.Union([Id, Type.Null()], { description: 'The new parent; null for the top level' }),
  /** 0-based place among the new siblings (retired ones included, the moved code excluded). */
  position: Type.Integer({ minimum: 0 }),
});
export type MoveCodeBody = Static<typeof MoveCodeBody>;

export const MergeCodeBody = Type.Object({
  intoId: Type.String({ format: 'uuid', description: 'The code that absorbs this one: its codings, final labels, examples and sub-codes' }),
});
export type MergeCodeBody = Static<typeof MergeCodeBody>;

export const NewCode = Type.Object({
  name: CodeName,
  definition: Type.Optional(LongText),
  includeCriteria: Type.Optional(LongText),
  excludeCriteria: Type.Optional(LongText),
  color: Type.Optional(Type.Union([Color, Type.Null()])),
});
export type NewCode = Static<typeof NewCode>;

export const SplitCodeBody = Type.Object({
  into: Type.Array(NewCode, { minItems: 2, maxItems: 20, description: 'The new sibling codes, in order' }),
});
export type SplitCodeBody = Static<typeof SplitCodeBody>;

export const SplitResult = Type.Object({
  codebook: Codebook,
  createdIds: Type.Array(Id),
  /** Issues put in the recode queue because they were coded with the split code. */
  recodeItems: Type.Integer(),
});
export type SplitResult = Static<typeof SplitResult>;

export const AddExampleBody = Type.Object(
  {
    issueId: Type.Optional(Id),
    /** Or the issue's number, with its repository when several repositories have that number. */
    number: Type.Optional(Type.Integer({ minimum: 1 })),
    repository: Type.Optional(Type.String({ maxLength: 300, description: 'owner/name' })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { description: 'issueId, or number (with repository when ambiguous)' },
);
export type AddExampleBody = Static<typeof AddExampleBody>;

export const CodebookChangeEntry = Type.Object({
  id: Id,
  /** The codebook version this change produced. */
  version: Type.Integer(),
  kind: Type.String({ description: 'create, update, move, merge, split, retire, unretire, example-add, example-remove, import, copy' }),
  /** One line for people, e.g. 'Renamed "A" to "B"'. */
  summary: Type.String(),
  details: Type.Unknown(),
  user: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
  createdAt: IsoDate,
});
export type CodebookChangeEntry = Static<typeof CodebookChangeEntry>;

export const CodebookHistoryQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
});
export type CodebookHistoryQuery = Static<typeof CodebookHistoryQuery>;

export const CodebookHistory = Type.Object({
  /** Newest first. */
  items: Type.Array(CodebookChangeEntry),
  total: Type.Integer(),
});
export type CodebookHistory = Static<typeof CodebookHistory>;

export const RecodeQueueItem = Type.Object({
  id: Id,
  issueId: Id,
  repository: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  url: Type.String(),
  /** The split (now retired) code the issue had. */
  code: Type.Object({ id: Id, name: Type.String() }),
  createdAt: IsoDate,
});
export type RecodeQueueItem = Static<typeof RecodeQueueItem>;

export const RecodeQueue = Type.Object({ items: Type.Array(RecodeQueueItem), total: Type.Integer() });
export type RecodeQueue = Static<typeof RecodeQueue>;

export const CodebookFormat = Type.Union([Type.Literal('json'), Type.Literal('qdc')]);
export type CodebookFormat = Static<typeof CodebookFormat>;

export const CodebookExportQuery = Type.Object({
  format: Type.Optional(CodebookFormat),
});
export type CodebookExportQuery = Static<typeof CodebookExportQuery>;

/** A code in the Concord JSON exchange format (recursive; ids are informative and never reused). */
export interface ExchangeCode {
  id?: string;
  name: string;
  definition?: string;
  includeCriteria?: string;
  excludeCriteria?: string;
  color?: string | null;
  shortcut?: string | null;
  retired?: boolean;
  /** Resolved by repository and number in the importing project; unmatched ones are reported. */
  examples?: { repository: string; number: number; note?: string }[];
  children?: ExchangeCode[];
}

/** The Concord JSON codebook file. */
export interface CodebookDocument {
  format: 'concord-codebook';
  formatVersion: 1;
  stage: { name: string; mode: StageMode; parentCodesCodable: boolean };
  version: number;
  exportedAt: string;
  codes: ExchangeCode[];
}

export const CodebookDocumentSchema = Type.Object(
  {
    format: Type.Literal('concord-codebook'),
    formatVersion: Type.Literal(1),
    stage: Type.Object({ name: Type.String(), mode: StageMode, parentCodesCodable: Type.Boolean() }),
    version: Type.Integer(),
    exportedAt: IsoDate,
    codes: Type.Array(Type.Unknown(), { description: 'Nested codes: name, definition, ..., children' }),
  },
  { description: 'The Concord JSON codebook file' },
);

export const ImportCodebookBody = Type.Object({
  format: CodebookFormat,
  /** The file's text: Concord JSON or a REFI-QDA .qdc (XML). */
  content: Type.String({ minLength: 1, maxLength: 900_000 }),
  /** Absent: the codebook must be empty and the file becomes it. Present: append under this code (null: at the top level). */
  parentId: Type.Optional(Type.Union([Id, Type.Null()])),
});
export type ImportCodebookBody = Static<typeof ImportCodebookBody>;

export const CopyCodebookBody = Type.Object({
  fromStageId: Id,
  /** As for imports: absent copies into an empty codebook, present appends under that code (null: top level). */
  parentId: Type.Optional(Type.Union([Id, Type.Null()])),
});
export type CopyCodebookBody = Static<typeof CopyCodebookBody>;

export const CodebookImportResult = Type.Object({
  codebook: Codebook,
  /** Codes created. */
  imported: Type.Integer(),
  /** Things left out without failing the import, e.g. examples whose issue is not in this project. */
  warnings: Type.Array(Type.String()),
});
export type CodebookImportResult = Static<typeof CodebookImportResult>;

/** One problem of a refused import (details.problems of the 400). */
export interface ImportProblem {
  /** Where in the file, e.g. "codes[2].children[0]" or "CodeBook/Codes/Code[3]". */
  path: string;
  message: string;
}
