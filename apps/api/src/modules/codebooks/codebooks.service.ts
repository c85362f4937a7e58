// Stages and their codebooks. Every codebook edit runs in one transaction that locks the
// codebook row, applies the edit, raises Codebook.version by one and writes a CodebookChange
// saying who changed what; a refused edit changes nothing. Codes are referenced by id everywhere,
// so renames keep every coding; merges move codings and final labels; splits queue issues for a
// lead to recode.
import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient, Role } from '@concord/db';
import type {
  AddExampleBody,
  Codebook,
  CodebookChangeEntry,
  CodebookCode,
  CodebookFormat,
  CodebookHistory,
  CodebookImportResult,
  CopyCodebookBody,
  CreateCodeBody,
  CreateStageBody,
  ExchangeCode,
  ImportCodebookBody,
  ImportProblem,
  MoveCodeBody,
  NewCode,
  RecodeQueue,
  SplitResult,
  Stage,
  UpdateCodeBody,
  UpdateStageBody,
} from '@concord/contracts';
import { treeOrder } from '../../lib/code-tree.ts';
import { badRequest, conflict, notFound } from '../../plugins/errors.ts';
import {
  checkExchangeTree,
  countCodes,
  parseJsonCodebook,
  parseQdc,
  sameName,
  toJsonDocument,
  toQdc,
  type TreeCode,
} from './codebook-exchange.ts';
import { describeChange, detailsForCoders } from './codebook-history.ts';

type Tx = Prisma.TransactionClient;
type Db = Tx | PrismaClient;

const TRANSACTION = { timeout: 30_000, maxWait: 10_000 } as const;

const EXAMPLE_ISSUE = {
  select: { id: true, number: true, title: true, url: true, repository: { select: { owner: true, name: true } } },
} as const;
const CODE_INCLUDE = { examples: { include: { issue: EXAMPLE_ISSUE } } } as const;

type CodeRow = Prisma.CodeGetPayload<{ include: typeof CODE_INCLUDE }>;
/** The fields of a code that the tree rules need. */
interface CodeNode {
  id: string;
  parentId: string | null;
  name: string;
  position: number;
  shortcut: string | null;
  retiredAt: Date | null;
  createdAt: Date;
}

/** Siblings by position, then by creation: positions tie only in the middle of a reorder. */
const byPosition = (a: CodeNode, b: CodeNode) =>
  a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

/** The code and every code below it. */
function subtreeIds(codes: CodeNode[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const code of codes) {
      if (code.parentId && ids.has(code.parentId) && !ids.has(code.id)) {
        ids.add(code.id);
        grew = true;
      }
    }
  }
  return ids;
}

const ref = (code: { id: string; name: string } | null | undefined) => (code ? { id: code.id, name: code.name } : null);
const repositoryName = (repository: { owner: string; name: string }) => `${repository.owner}/${repository.name}`;

function toCode(row: CodeRow): CodebookCode {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    definition: row.definition,
    includeCriteria: row.includeCriteria,
    excludeCriteria: row.excludeCriteria,
    color: row.color,
    shortcut: row.shortcut,
    position: row.position,
    retired: row.retiredAt !== null,
    retiredAt: row.retiredAt?.toISOString() ?? null,
    examples: row.examples
      .map((example) => ({
        issueId: example.issue.id,
        repository: repositoryName(example.issue.repository),
        number: example.issue.number,
        title: example.issue.title,
        url: example.issue.url,
        note: example.note,
      }))
      .sort((a, b) => a.repository.localeCompare(b.repository) || a.number - b.number),
  };
}

/** Coders see the active codes only; leads and owners see retired ones too, flagged. */
function visibleCodes<T extends CodeNode>(codes: T[], role: Role): T[] {
  const ordered = treeOrder(codes, byPosition);
  if (role !== 'coder') return ordered;
  const hidden = new Set<string>();
  for (const code of ordered) if (code.retiredAt || (code.parentId && hidden.has(code.parentId))) hidden.add(code.id);
  return ordered.filter((code) => !hidden.has(code.id));
}

function toTree(codes: CodeRow[]): TreeCode[] {
  const build = (parentId: string | null): TreeCode[] =>
    codes
      .filter((code) => code.parentId === parentId)
      .sort(byPosition)
      .map((code) => ({
        id: code.id,
        name: code.name,
        definition: code.definition,
        includeCriteria: code.includeCriteria,
        excludeCriteria: code.excludeCriteria,
        color: code.color,
        shortcut: code.shortcut,
        retired: code.retiredAt !== null,
        examples: toCode(code).examples.map(({ repository, number, note }) => ({ repository, number, note })),
        children: build(code.id),
      }));
  return build(null);
}

function trimmedName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw badRequest('NAME_REQUIRED', 'A name cannot be blank.');
  return trimmed;
}

function assertShortcutFree(codes: CodeNode[], shortcut: string | null | undefined, exceptIds: Set<string> = new Set()) {
  if (!shortcut) return;
  const holder = codes.find((code) => code.shortcut === shortcut && !code.retiredAt && !exceptIds.has(code.id));
  if (holder) throw conflict('SHORTCUT_TAKEN', `The shortcut "${shortcut}" is already used by "${holder.name}".`, { codeId: holder.id });
}

function assertSiblingNameFree(codes: CodeNode[], parentId: string | null, name: string, exceptIds: Set<string> = new Set()) {
  const clash = codes.find((code) => code.parentId === parentId && !code.retiredAt && !exceptIds.has(code.id) && sameName(code.name, name));
  if (clash) {
    throw conflict('CODE_NAME_TAKEN', `"${clash.name}" already exists at this level of the codebook.`, { codeId: clash.id });
  }
}

/** Writes positions 0..n-1 in the given order, touching only the codes whose position changes. */
async function renumber(tx: Tx, codes: CodeNode[], orderedIds: string[]): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    const current = codes.find((code) => code.id === id);
    if (current?.position === position) continue;
    await tx.code.update({ where: { id }, data: { position } });
    if (current) current.position = position;
  }
}

/** Puts `codeId` at `index` (or last) among the children of `parentId`; returns the index used. */
async function placeAmongSiblings(tx: Tx, codes: CodeNode[], parentId: string | null, codeId: string, index?: number): Promise<number> {
  const siblings = codes.filter((code) => code.parentId === parentId && code.id !== codeId).sort(byPosition);
  const at = index === undefined ? siblings.length : Math.min(index, siblings.length);
  const ids = siblings.map((code) => code.id);
  ids.splice(at, 0, codeId);
  await renumber(tx, codes, ids);
  return at;
}

async function compactSiblings(tx: Tx, codes: CodeNode[], parentId: string | null, exceptId: string): Promise<void> {
  const siblings = codes.filter((code) => code.parentId === parentId && code.id !== exceptId).sort(byPosition);
  await renumber(
    tx,
    codes,
    siblings.map((code) => code.id),
  );
}

interface ChangeContext {
  tx: Tx;
  stage: { id: string; projectId: string; name: string; mode: 'single' | 'multi'; parentCodesCodable: boolean };
  codebookId: string;
  /** Every code of the codebook, retired ones included, read after the lock. */
  codes: CodeNode[];
  /** The version this change will produce. */
  version: number;
}

/** What an edit did, for the history; null when it turned out to change nothing. */
type ChangeRecord = { kind: string; details: Prisma.InputJsonObject } | null;

export function createCodebooksService(prisma: PrismaClient) {
  async function findStage(db: Db, projectId: string, stageId: string) {
    const stage = await db.stage.findFirst({ where: { id: stageId, projectId } });
    if (!stage) throw notFound('Stage');
    return stage;
  }

  /**
   * Runs one codebook edit: locks the codebook (so concurrent edits queue up and versions never
   * repeat), applies it, then bumps the version and records the change, all or nothing.
   */
  async function change(projectId: string, stageId: string, userId: string, apply: (context: ChangeContext) => Promise<ChangeRecord>) {
    return prisma.$transaction(async (tx) => {
      const stage = await findStage(tx, projectId, stageId);
      const codebook = await tx.codebook.upsert({ where: { stageId }, create: { stageId }, update: {} });
      const [locked] = await tx.$queryRaw<{ version: number }[]>`SELECT version FROM "Codebook" WHERE id = ${codebook.id}::uuid FOR UPDATE`;
      const version = (locked?.version ?? codebook.version) + 1;
      const codes = await tx.code.findMany({
        where: { codebookId: codebook.id },
        select: { id: true, parentId: true, name: true, position: true, shortcut: true, retiredAt: true, createdAt: true },
      });
      const record = await apply({ tx, stage, codebookId: codebook.id, codes, version });
      if (!record) return { changed: false, version: version - 1 };
      await tx.codebook.update({ where: { id: codebook.id }, data: { version } });
      await tx.codebookChange.create({ data: { codebookId: codebook.id, userId, version, kind: record.kind, details: record.details } });
      return { changed: true, version };
    }, TRANSACTION);
  }

  function codeIn(context: ChangeContext, codeId: string): CodeNode {
    const code = context.codes.find((entry) => entry.id === codeId);
    if (!code) throw notFound('Code');
    return code;
  }

  /** A code named in a request body (not the path): unknown is the client's mistake, a 400. */
  function bodyCode(context: ChangeContext, codeId: string, what: string): CodeNode {
    const code = context.codes.find((entry) => entry.id === codeId);
    if (!code) throw badRequest('UNKNOWN_CODE', `The ${what} ${codeId} is not a code of this codebook.`);
    return code;
  }

  const nameById = (context: ChangeContext, id: string | null) => ref(id ? (context.codes.find((code) => code.id === id) ?? null) : null);

  async function readCodebook(stageId: string, role: Role): Promise<Codebook> {
    const codebook = await prisma.codebook.findUnique({ where: { stageId }, include: { codes: { include: CODE_INCLUDE } } });
    return { stageId, version: codebook?.version ?? 1, codes: visibleCodes(codebook?.codes ?? [], role).map(toCode) };
  }

  async function readCode(codeId: string): Promise<CodebookCode> {
    return toCode(await prisma.code.findUniqueOrThrow({ where: { id: codeId }, include: CODE_INCLUDE }));
  }

  /** Creates the codes of an exchange tree under `parentId` (after its existing children). */
  async function insertTree(
    context: ChangeContext,
    codes: ExchangeCode[],
    parentId: string | null,
    { withExamples }: { withExamples: boolean },
  ): Promise<{ created: number; warnings: string[] }> {
    const { tx, codebookId } = context;
    const now = new Date();
    const rows: Prisma.CodeCreateManyInput[] = [];
    const examples: { codeId: string; repository: string; number: number; note: string; codeName: string }[] = [];
    const firstPosition = context.codes.filter((code) => code.parentId === parentId).length;
    const visit = (list: ExchangeCode[], parent: string | null, offset: number) => {
      for (const [index, code] of list.entries()) {
        const id = randomUUID();
        rows.push({
          id,
          codebookId,
          parentId: parent,
          name: code.name.trim(),
          definition: code.definition ?? '',
          includeCriteria: code.includeCriteria ?? '',
          excludeCriteria: code.excludeCriteria ?? '',
          color: code.color ? code.color.toUpperCase() : null,
          shortcut: code.shortcut ?? null,
          position: offset + index,
          retiredAt: code.retired ? now : null,
        });
        for (const example of withExamples ? (code.examples ?? []) : []) {
          examples.push({ codeId: id, codeName: code.name.trim(), ...example, note: example.note ?? '' });
        }
        visit(code.children ?? [], id, 0);
      }
    };
    visit(codes, parentId, firstPosition);
    // Parents first, so every row's parent exists when it is inserted.
    await tx.code.createMany({ data: rows });

    const warnings: string[] = [];
    if (examples.length > 0) {
      const issues = await tx.issue.findMany({
        where: { projectId: context.stage.projectId, number: { in: [...new Set(examples.map((e) => e.number))] } },
        select: { id: true, number: true, repository: { select: { owner: true, name: true } } },
      });
      const byRef = new Map(issues.map((issue) => [`${repositoryName(issue.repository).toLowerCase()}#${issue.number}`, issue.id]));
      const data: Prisma.CodeExampleCreateManyInput[] = [];
      for (const example of examples) {
        const issueId = byRef.get(`${example.repository.toLowerCase()}#${example.number}`);
        if (issueId) data.push({ codeId: example.codeId, issueId, note: example.note });
        else
          warnings.push(
            `Example ${example.repository}#${example.number} of "${example.codeName}" is not an issue of this project; left out.`,
          );
      }
      await tx.codeExample.createMany({ data, skipDuplicates: true });
    }
    return { created: rows.length, warnings };
  }

  /** Where an import or copy goes: into an empty codebook, or appended under a parent. */
  function importTarget(context: ChangeContext, parentId: string | null | undefined): { parentId: string | null; parent: CodeNode | null } {
    if (parentId === undefined) {
      if (context.codes.length > 0) {
        throw conflict(
          'CODEBOOK_NOT_EMPTY',
          `This codebook already has ${context.codes.length} codes; choose a parent code (or the top level) to append under.`,
        );
      }
      return { parentId: null, parent: null };
    }
    if (parentId === null) return { parentId: null, parent: null };
    const parent = bodyCode(context, parentId, 'parent');
    if (parent.retiredAt) throw badRequest('PARENT_RETIRED', `"${parent.name}" is retired; restore it before adding codes under it.`);
    return { parentId, parent };
  }

  function takenShortcuts(context: ChangeContext): Map<string, string> {
    return new Map(context.codes.filter((code) => code.shortcut && !code.retiredAt).map((code) => [code.shortcut!, code.name]));
  }

  function activeChildNames(context: ChangeContext, parentId: string | null): string[] {
    return context.codes.filter((code) => code.parentId === parentId && !code.retiredAt).map((code) => code.name);
  }

  // -------------------------------------------------------------------------------------------
  // Stages

  async function lockProject(tx: Tx, projectId: string): Promise<void> {
    // NO KEY UPDATE: stage edits queue up, while inserts that merely reference the project do not wait.
    await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${projectId}::uuid FOR NO KEY UPDATE`;
  }

  type StageRow = { id: string; name: string; inputStageId: string | null; inputCodeId: string | null };

  /** The input rule: an earlier stage of the same project, and an active code of its codebook. */
  async function checkInput(
    tx: Tx,
    ordered: StageRow[],
    stageId: string | null,
    stageName: string,
    inputStageId: string | null | undefined,
    inputCodeId: string | null | undefined,
  ): Promise<{ inputStageId: string | null; inputCodeId: string | null }> {
    if (!inputStageId && !inputCodeId) return { inputStageId: null, inputCodeId: null };
    if (!inputStageId || !inputCodeId) {
      throw badRequest('INPUT_INCOMPLETE', 'Give both the input stage and the code its final label must contain, or neither.');
    }
    const inputIndex = ordered.findIndex((stage) => stage.id === inputStageId);
    const ownIndex = stageId === null ? ordered.length : ordered.findIndex((stage) => stage.id === stageId);
    if (inputIndex < 0) throw badRequest('UNKNOWN_INPUT_STAGE', `The input stage ${inputStageId} is not a stage of this project.`);
    const inputStage = ordered[inputIndex]!;
    if (inputStageId === stageId) throw badRequest('INPUT_STAGE_NOT_EARLIER', `Stage "${stageName}" cannot take its own issues as input.`);
    if (inputIndex > ownIndex) {
      throw badRequest('INPUT_STAGE_NOT_EARLIER', `The input stage "${inputStage.name}" must come before "${stageName}".`);
    }
    const code = await tx.code.findUnique({ where: { id: inputCodeId }, include: { codebook: { select: { stageId: true } } } });
    if (!code || code.codebook.stageId !== inputStageId) {
      const named = code ? `"${code.name}"` : inputCodeId;
      throw badRequest('INPUT_CODE_NOT_IN_STAGE', `The code ${named} is not in the codebook of the input stage "${inputStage.name}".`);
    }
    if (code.retiredAt) throw badRequest('INPUT_CODE_RETIRED', `The code "${code.name}" of "${inputStage.name}" is retired.`);
    return { inputStageId, inputCodeId };
  }

  async function readStages(projectId: string, onlyId?: string): Promise<Stage[]> {
    const stages = await prisma.stage.findMany({
      where: { projectId, ...(onlyId ? { id: onlyId } : {}) },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      include: {
        inputStage: { select: { name: true } },
        codebook: { select: { version: true, _count: { select: { codes: { where: { retiredAt: null } } } } } },
      },
    });
    const inputCodeIds = stages.map((stage) => stage.inputCodeId).filter((id): id is string => id !== null);
    const inputCodes = await prisma.code.findMany({ where: { id: { in: inputCodeIds } }, select: { id: true, name: true } });
    return stages.map((stage) => {
      const inputCode = inputCodes.find((code) => code.id === stage.inputCodeId);
      return {
        id: stage.id,
        name: stage.name,
        position: stage.position,
        mode: stage.mode,
        parentCodesCodable: stage.parentCodesCodable,
        input:
          stage.inputStageId && stage.inputStage && inputCode
            ? { stageId: stage.inputStageId, stageName: stage.inputStage.name, codeId: inputCode.id, codeName: inputCode.name }
            : null,
        codebookVersion: stage.codebook?.version ?? 1,
        codes: stage.codebook?._count.codes ?? 0,
        createdAt: stage.createdAt.toISOString(),
      };
    });
  }

  async function assertNoMultiCodedItems(tx: Tx, stageId: string, stageName: string): Promise<void> {
    const [multi] = await tx.$queryRaw<{ n: bigint }[]>`
      SELECT
        (SELECT count(*) FROM (SELECT 1 FROM "CodingCode" cc JOIN "Coding" c ON c.id = cc."codingId"
           WHERE c."stageId" = ${stageId}::uuid GROUP BY cc."codingId" HAVING count(*) > 1) codings)
        +
        (SELECT count(*) FROM (SELECT 1 FROM "FinalLabelCode" fc JOIN "FinalLabel" f ON f.id = fc."finalLabelId"
           WHERE f."stageId" = ${stageId}::uuid GROUP BY fc."finalLabelId" HAVING count(*) > 1) labels) AS n`;
    if (multi && multi.n > 0n) {
      throw conflict(
        'MODE_CONFLICT',
        `Stage "${stageName}" cannot become single-choice: ${multi.n} codings or final labels have several codes.`,
      );
    }
  }

  return {
    async listStages(projectId: string): Promise<Stage[]> {
      return readStages(projectId);
    },

    async createStage(projectId: string, body: CreateStageBody): Promise<Stage> {
      const name = trimmedName(body.name);
      const id = await prisma.$transaction(async (tx) => {
        await lockProject(tx, projectId);
        const stages = await tx.stage.findMany({ where: { projectId }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] });
        const clash = stages.find((stage) => sameName(stage.name, name));
        if (clash) throw conflict('STAGE_NAME_TAKEN', `This project already has a stage named "${clash.name}".`);
        const input = await checkInput(tx, stages, null, name, body.inputStageId, body.inputCodeId);
        // Keep positions 0..n-1 so that "position" is the place in the order.
        for (const [position, stage] of stages.entries()) {
          if (stage.position !== position) await tx.stage.update({ where: { id: stage.id }, data: { position } });
        }
        const created = await tx.stage.create({
          data: {
            projectId,
            name,
            mode: body.mode,
            parentCodesCodable: body.parentCodesCodable ?? false,
            position: stages.length,
            ...input,
            codebook: { create: {} },
          },
        });
        return created.id;
      }, TRANSACTION);
      return (await readStages(projectId, id))[0]!;
    },

    async updateStage(projectId: string, stageId: string, body: UpdateStageBody): Promise<Stage> {
      await prisma.$transaction(async (tx) => {
        await lockProject(tx, projectId);
        const stages = await tx.stage.findMany({ where: { projectId }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] });
        const current = stages.find((stage) => stage.id === stageId);
        if (!current) throw notFound('Stage');
        const name = body.name === undefined ? current.name : trimmedName(body.name);
        const clash = stages.find((stage) => stage.id !== stageId && sameName(stage.name, name));
        if (clash) throw conflict('STAGE_NAME_TAKEN', `This project already has a stage named "${clash.name}".`);

        const ordered = stages.filter((stage) => stage.id !== stageId);
        const index = body.position === undefined ? stages.indexOf(current) : Math.min(body.position, ordered.length);
        ordered.splice(index, 0, current);

        const inputChanged = 'inputStageId' in body || 'inputCodeId' in body;
        const input = inputChanged
          ? await checkInput(tx, ordered, stageId, name, body.inputStageId, body.inputCodeId)
          : { inputStageId: current.inputStageId, inputCodeId: current.inputCodeId };
        // A new order must keep every stage after the stage it takes its input from.
        for (const [position, stage] of ordered.entries()) {
          const inputStageId = stage.id === stageId ? input.inputStageId : stage.inputStageId;
          const inputIndex = inputStageId ? ordered.findIndex((other) => other.id === inputStageId) : -1;
          if (inputIndex > position) {
            throw badRequest(
              'INPUT_STAGE_NOT_EARLIER',
              `Stage "${stage.id === stageId ? name : stage.name}" takes its input from "${ordered[inputIndex]!.name}", which would come after it.`,
            );
          }
        }
        if (body.mode === 'single' && current.mode === 'multi') await assertNoMultiCodedItems(tx, stageId, current.name);

        for (const [position, stage] of ordered.entries()) {
          if (stage.id !== stageId && stage.position !== position) await tx.stage.update({ where: { id: stage.id }, data: { position } });
        }
        await tx.stage.update({
          where: { id: stageId },
          data: {
            name,
            position: ordered.indexOf(current),
            ...(body.mode ? { mode: body.mode } : {}),
            ...(body.parentCodesCodable === undefined ? {} : { parentCodesCodable: body.parentCodesCodable }),
            ...input,
          },
        });
      }, TRANSACTION);
      return (await readStages(projectId, stageId))[0]!;
    },

    // -----------------------------------------------------------------------------------------
    // Reading the codebook

    async codebook(projectId: string, stageId: string, role: Role): Promise<Codebook> {
      await findStage(prisma, projectId, stageId);
      return readCodebook(stageId, role);
    },

    async history(projectId: string, stageId: string, limit: number, role: Role): Promise<CodebookHistory> {
      await findStage(prisma, projectId, stageId);
      const where = { codebook: { stageId } };
      const [total, rows] = await Promise.all([
        prisma.codebookChange.count({ where }),
        prisma.codebookChange.findMany({
          where,
          orderBy: [{ version: 'desc' }, { createdAt: 'desc' }],
          take: limit,
          include: { user: { select: { id: true, name: true } } },
        }),
      ]);
      return {
        total,
        items: rows.map((row): CodebookChangeEntry => {
          const details = role === 'coder' ? detailsForCoders(row.details) : row.details;
          return {
            id: row.id,
            version: row.version,
            kind: row.kind,
            summary: describeChange(row.kind, details),
            details,
            user: row.user,
            createdAt: row.createdAt.toISOString(),
          };
        }),
      };
    },

    async recodeQueue(projectId: string, stageId: string): Promise<RecodeQueue> {
      await findStage(prisma, projectId, stageId);
      const rows = await prisma.recodeItem.findMany({
        where: { stageId, resolvedAt: null },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        include: { issue: EXAMPLE_ISSUE, code: { select: { id: true, name: true } } },
      });
      return {
        total: rows.length,
        items: rows.map((row) => ({
          id: row.id,
          issueId: row.issue.id,
          repository: repositoryName(row.issue.repository),
          number: row.issue.number,
          title: row.issue.title,
          url: row.issue.url,
          code: row.code,
          createdAt: row.createdAt.toISOString(),
        })),
      };
    },

    // -----------------------------------------------------------------------------------------
    // Editing codes

    async createCode(projectId: string, stageId: string, userId: string, body: CreateCodeBody): Promise<CodebookCode> {
      const name = trimmedName(body.name);
      const id = randomUUID();
      await change(projectId, stageId, userId, async (context) => {
        const parentId = body.parentId ?? null;
        const parent = parentId ? bodyCode(context, parentId, 'parent') : null;
        if (parent?.retiredAt) throw badRequest('PARENT_RETIRED', `"${parent.name}" is retired; restore it before adding codes under it.`);
        assertSiblingNameFree(context.codes, parentId, name);
        assertShortcutFree(context.codes, body.shortcut);
        const created = await context.tx.code.create({
          data: {
            id,
            codebookId: context.codebookId,
            parentId,
            name,
            definition: body.definition ?? '',
            includeCriteria: body.includeCriteria ?? '',
            excludeCriteria: body.excludeCriteria ?? '',
            color: body.color ? body.color.toUpperCase() : null,
            shortcut: body.shortcut ?? null,
            position: 0,
          },
        });
        const position = await placeAmongSiblings(context.tx, context.codes, parentId, id, body.position);
        return { kind: 'create', details: { code: { id, name: created.name }, parent: ref(parent), position } };
      });
      return readCode(id);
    },

    async updateCode(projectId: string, stageId: string, codeId: string, userId: string, body: UpdateCodeBody): Promise<CodebookCode> {
      await change(projectId, stageId, userId, async (context) => {
        codeIn(context, codeId);
        const current = await context.tx.code.findUniqueOrThrow({ where: { id: codeId } });
        const next = {
          name: body.name === undefined ? current.name : trimmedName(body.name),
          definition: body.definition ?? current.definition,
          includeCriteria: body.includeCriteria ?? current.includeCriteria,
          excludeCriteria: body.excludeCriteria ?? current.excludeCriteria,
          color: body.color === undefined ? current.color : body.color ? body.color.toUpperCase() : null,
          shortcut: body.shortcut === undefined ? current.shortcut : body.shortcut,
        };
        const changes: Record<string, { from: string | null; to: string | null }> = {};
        for (const field of Object.keys(next) as (keyof typeof next)[]) {
          if (next[field] !== current[field]) changes[field] = { from: current[field], to: next[field] };
        }
        if (Object.keys(changes).length === 0) return null;
        if (changes.name && !current.retiredAt) assertSiblingNameFree(context.codes, current.parentId, next.name, new Set([codeId]));
        if (changes.shortcut && !current.retiredAt) assertShortcutFree(context.codes, next.shortcut, new Set([codeId]));
        await context.tx.code.update({ where: { id: codeId }, data: next });
        return { kind: 'update', details: { code: { id: codeId, name: next.name }, changes } };
      });
      return readCode(codeId);
    },

    async moveCode(projectId: string, stageId: string, codeId: string, userId: string, body: MoveCodeBody, role: Role): Promise<Codebook> {
      await change(projectId, stageId, userId, async (context) => {
        const code = codeIn(context, codeId);
        const parent = body.parentId ? bodyCode(context, body.parentId, 'new parent') : null;
        if (parent && subtreeIds(context.codes, codeId).has(parent.id)) {
          throw badRequest(
            'MOVE_CYCLE',
            parent.id === codeId
              ? `"${code.name}" cannot be its own parent.`
              : `"${code.name}" cannot move under "${parent.name}", which is one of its own sub-codes.`,
          );
        }
        if (parent?.retiredAt && !code.retiredAt) {
          throw badRequest('PARENT_RETIRED', `"${parent.name}" is retired; restore it before moving codes under it.`);
        }
        const newParentId = parent?.id ?? null;
        const oldParentId = code.parentId;
        const siblingsBefore = context.codes.filter((c) => c.parentId === oldParentId).sort(byPosition);
        const from = { parent: nameById(context, oldParentId), position: siblingsBefore.findIndex((c) => c.id === codeId) };
        if (newParentId !== oldParentId && !code.retiredAt) assertSiblingNameFree(context.codes, newParentId, code.name, new Set([codeId]));
        if (newParentId === oldParentId) {
          const target = Math.min(body.position, siblingsBefore.length - 1);
          if (target === from.position) return null;
        }
        if (newParentId !== oldParentId) {
          await context.tx.code.update({ where: { id: codeId }, data: { parentId: newParentId } });
          code.parentId = newParentId;
          await compactSiblings(context.tx, context.codes, oldParentId, codeId);
        }
        const position = await placeAmongSiblings(context.tx, context.codes, newParentId, codeId, body.position);
        return {
          kind: 'move',
          details: { code: ref(code), from, to: { parent: ref(parent), position } },
        };
      });
      return readCodebook(stageId, role);
    },

    async mergeCode(projectId: string, stageId: string, codeId: string, userId: string, intoId: string, role: Role): Promise<Codebook> {
      await change(projectId, stageId, userId, async (context) => {
        const { tx } = context;
        const from = codeIn(context, codeId);
        const into = bodyCode(context, intoId, 'code to merge into');
        if (from.id === into.id) throw badRequest('MERGE_INTO_SELF', `"${from.name}" cannot be merged into itself.`);
        if (from.retiredAt) throw badRequest('CODE_RETIRED', `"${from.name}" is retired; restore it first.`);
        if (into.retiredAt) throw badRequest('CODE_RETIRED', `"${into.name}" is retired; choose an active code to merge into.`);
        if (subtreeIds(context.codes, from.id).has(into.id)) {
          throw badRequest('MERGE_INTO_DESCENDANT', `"${from.name}" cannot be merged into "${into.name}", one of its own sub-codes.`);
        }

        // Codings and final labels that already have the target keep one copy of it.
        const codingIds = (await tx.codingCode.findMany({ where: { codeId: from.id }, select: { codingId: true } })).map((r) => r.codingId);
        const codingDuplicates = await tx.codingCode.deleteMany({
          where: { codeId: from.id, coding: { codes: { some: { codeId: into.id } } } },
        });
        const codingsMoved = await tx.codingCode.updateMany({ where: { codeId: from.id }, data: { codeId: into.id } });
        const labelIds = (await tx.finalLabelCode.findMany({ where: { codeId: from.id }, select: { finalLabelId: true } })).map(
          (r) => r.finalLabelId,
        );
        const labelDuplicates = await tx.finalLabelCode.deleteMany({
          where: { codeId: from.id, finalLabel: { codes: { some: { codeId: into.id } } } },
        });
        const labelsMoved = await tx.finalLabelCode.updateMany({ where: { codeId: from.id }, data: { codeId: into.id } });
        // Their content changed under whoever has them open: a save based on the old version is refused.
        if (codingIds.length) await tx.coding.updateMany({ where: { id: { in: codingIds } }, data: { version: { increment: 1 } } });
        if (labelIds.length) await tx.finalLabel.updateMany({ where: { id: { in: labelIds } }, data: { version: { increment: 1 } } });

        const examples = await tx.codeExample.findMany({ where: { codeId: from.id } });
        const intoExamples = new Set((await tx.codeExample.findMany({ where: { codeId: into.id } })).map((e) => e.issueId));
        const movable = examples.filter((example) => !intoExamples.has(example.issueId)).map((example) => example.id);
        await tx.codeExample.updateMany({ where: { id: { in: movable } }, data: { codeId: into.id } });

        const children = context.codes.filter((code) => code.parentId === from.id).sort(byPosition);
        for (const child of children) {
          await tx.code.update({ where: { id: child.id }, data: { parentId: into.id } });
          child.parentId = into.id;
          await placeAmongSiblings(tx, context.codes, into.id, child.id);
        }
        await tx.code.update({ where: { id: from.id }, data: { retiredAt: new Date() } });
        return {
          kind: 'merge',
          details: {
            from: ref(from),
            into: ref(into),
            codings: codingsMoved.count + codingDuplicates.count,
            finalLabels: labelsMoved.count + labelDuplicates.count,
            duplicatesRemoved: codingDuplicates.count + labelDuplicates.count,
            examplesMoved: movable.length,
            childrenMoved: children.map(ref),
          },
        };
      });
      return readCodebook(stageId, role);
    },

    async splitCode(projectId: string, stageId: string, codeId: string, userId: string, into: NewCode[], role: Role): Promise<SplitResult> {
      const createdIds: string[] = [];
      let recodeItems = 0;
      await change(projectId, stageId, userId, async (context) => {
        const { tx } = context;
        const code = codeIn(context, codeId);
        if (code.retiredAt) throw badRequest('CODE_RETIRED', `"${code.name}" is retired already.`);
        const activeChildren = context.codes.filter((c) => c.parentId === codeId && !c.retiredAt);
        if (activeChildren.length > 0) {
          throw badRequest(
            'CODE_HAS_CHILDREN',
            `"${code.name}" has ${activeChildren.length} sub-codes; move, merge or retire them before splitting it.`,
          );
        }
        const names: string[] = [];
        for (const entry of into) {
          const name = trimmedName(entry.name);
          if (names.some((other) => sameName(other, name))) throw badRequest('DUPLICATE_NAME', `"${name}" is given twice.`);
          // The split code retires, so a new code may reuse its name.
          assertSiblingNameFree(context.codes, code.parentId, name, new Set([codeId]));
          names.push(name);
        }
        const siblings = context.codes.filter((c) => c.parentId === code.parentId).sort(byPosition);
        const at = siblings.findIndex((c) => c.id === codeId) + 1;
        for (const [index, entry] of into.entries()) {
          const id = randomUUID();
          await tx.code.create({
            data: {
              id,
              codebookId: context.codebookId,
              parentId: code.parentId,
              name: names[index]!,
              definition: entry.definition ?? '',
              includeCriteria: entry.includeCriteria ?? '',
              excludeCriteria: entry.excludeCriteria ?? '',
              color: entry.color ? entry.color.toUpperCase() : null,
              position: 0,
            },
          });
          createdIds.push(id);
        }
        const ordered = siblings.map((c) => c.id);
        ordered.splice(at, 0, ...createdIds);
        await renumber(tx, context.codes, ordered);

        // Every issue that carries the split code, in anyone's coding or in its final label.
        const coded = await tx.codingCode.findMany({
          where: { codeId, coding: { stageId } },
          select: { coding: { select: { issueId: true } } },
        });
        const labelled = await tx.finalLabelCode.findMany({
          where: { codeId, finalLabel: { stageId } },
          select: { finalLabel: { select: { issueId: true } } },
        });
        const issueIds = [...new Set([...coded.map((r) => r.coding.issueId), ...labelled.map((r) => r.finalLabel.issueId)])];
        const queued = await tx.recodeItem.createMany({
          data: issueIds.map((issueId) => ({ stageId, issueId, codeId })),
          skipDuplicates: true,
        });
        recodeItems = queued.count;
        await tx.code.update({ where: { id: codeId }, data: { retiredAt: new Date() } });
        return {
          kind: 'split',
          details: { code: ref(code), into: createdIds.map((id, index) => ({ id, name: names[index]! })), recodeItems: issueIds.length },
        };
      });
      return { codebook: await readCodebook(stageId, role), createdIds, recodeItems };
    },

    async retireCode(projectId: string, stageId: string, codeId: string, userId: string, role: Role): Promise<Codebook> {
      await change(projectId, stageId, userId, async (context) => {
        const code = codeIn(context, codeId);
        if (code.retiredAt) throw conflict('ALREADY_RETIRED', `"${code.name}" is retired already.`);
        const ids = subtreeIds(context.codes, codeId);
        const descendants = context.codes.filter((c) => ids.has(c.id) && c.id !== codeId && !c.retiredAt);
        // One timestamp for the whole subtree, so restoring the code restores exactly these.
        await context.tx.code.updateMany({
          where: { id: { in: [codeId, ...descendants.map((c) => c.id)] } },
          data: { retiredAt: new Date() },
        });
        return { kind: 'retire', details: { code: ref(code), descendants: descendants.map(ref) } };
      });
      return readCodebook(stageId, role);
    },

    async unretireCode(projectId: string, stageId: string, codeId: string, userId: string, role: Role): Promise<Codebook> {
      await change(projectId, stageId, userId, async (context) => {
        const code = codeIn(context, codeId);
        if (!code.retiredAt) throw conflict('NOT_RETIRED', `"${code.name}" is not retired.`);
        const parent = code.parentId ? codeIn(context, code.parentId) : null;
        if (parent?.retiredAt) throw badRequest('PARENT_RETIRED', `Its parent "${parent.name}" is retired; restore that first.`);
        assertSiblingNameFree(context.codes, code.parentId, code.name, new Set([codeId]));
        const ids = subtreeIds(context.codes, codeId);
        const retiredAt = code.retiredAt.getTime();
        const descendants = context.codes.filter((c) => ids.has(c.id) && c.id !== codeId && c.retiredAt?.getTime() === retiredAt);
        const restored = [code, ...descendants];
        // A shortcut taken meanwhile stays with its new holder; the restored code loses it.
        const shortcutsCleared: { id: string; name: string; shortcut: string }[] = [];
        const active = context.codes.filter((c) => !c.retiredAt);
        for (const entry of restored) {
          if (entry.shortcut && active.some((other) => other.shortcut === entry.shortcut)) {
            shortcutsCleared.push({ id: entry.id, name: entry.name, shortcut: entry.shortcut });
            await context.tx.code.update({ where: { id: entry.id }, data: { shortcut: null } });
          } else if (entry.shortcut) active.push(entry);
        }
        await context.tx.code.updateMany({ where: { id: { in: restored.map((c) => c.id) } }, data: { retiredAt: null } });
        return { kind: 'unretire', details: { code: ref(code), descendants: descendants.map(ref), shortcutsCleared } };
      });
      return readCodebook(stageId, role);
    },

    async addExample(projectId: string, stageId: string, codeId: string, userId: string, body: AddExampleBody): Promise<CodebookCode> {
      await change(projectId, stageId, userId, async (context) => {
        const code = codeIn(context, codeId);
        const { tx } = context;
        let issue;
        if (body.issueId) {
          issue = await tx.issue.findFirst({ where: { id: body.issueId, projectId }, ...EXAMPLE_ISSUE });
          if (!issue) throw badRequest('UNKNOWN_ISSUE', `The issue ${body.issueId} is not in this project.`);
        } else if (body.number !== undefined) {
          const [owner, name] = body.repository ? body.repository.trim().split('/') : [];
          const candidates = await tx.issue.findMany({
            where: {
              projectId,
              number: body.number,
              ...(body.repository
                ? { repository: { owner: { equals: owner, mode: 'insensitive' }, name: { equals: name ?? '', mode: 'insensitive' } } }
                : {}),
            },
            ...EXAMPLE_ISSUE,
          });
          if (candidates.length === 0) {
            throw badRequest(
              'UNKNOWN_ISSUE',
              `There is no issue #${body.number}${body.repository ? ` in ${body.repository}` : ''} in this project.`,
            );
          }
          if (candidates.length > 1) {
            const repositories = candidates.map((candidate) => repositoryName(candidate.repository)).sort();
            throw badRequest(
              'AMBIGUOUS_ISSUE',
              `Several repositories have an issue #${body.number}: choose one of ${repositories.join(', ')}.`,
              {
                repositories,
              },
            );
          }
          issue = candidates[0]!;
        } else {
          throw badRequest('ISSUE_REQUIRED', 'Give the issue: its id, or its number (and repository).');
        }
        const existing = await tx.codeExample.findUnique({ where: { codeId_issueId: { codeId, issueId: issue.id } } });
        if (existing)
          throw conflict('EXAMPLE_EXISTS', `${repositoryName(issue.repository)}#${issue.number} is already an example of "${code.name}".`);
        const note = body.note?.trim() ?? '';
        await tx.codeExample.create({ data: { codeId, issueId: issue.id, note } });
        return {
          kind: 'example-add',
          details: { code: ref(code), issue: { id: issue.id, repository: repositoryName(issue.repository), number: issue.number }, note },
        };
      });
      return readCode(codeId);
    },

    async removeExample(projectId: string, stageId: string, codeId: string, issueId: string, userId: string): Promise<void> {
      await change(projectId, stageId, userId, async (context) => {
        const code = codeIn(context, codeId);
        const example = await context.tx.codeExample.findUnique({
          where: { codeId_issueId: { codeId, issueId } },
          include: { issue: EXAMPLE_ISSUE },
        });
        if (!example) throw notFound('Example');
        await context.tx.codeExample.delete({ where: { id: example.id } });
        return {
          kind: 'example-remove',
          details: {
            code: ref(code),
            issue: { id: issueId, repository: repositoryName(example.issue.repository), number: example.issue.number },
          },
        };
      });
    },

    // -----------------------------------------------------------------------------------------
    // Exchange

    /**
     * The file to download: Concord JSON (what the caller sees, retired codes for leads) or .qdc
     * (active codes). `comment` says what exported it, in the .qdc (the exports module's files).
     */
    async exportCodebook(
      projectId: string,
      stageId: string,
      format: CodebookFormat,
      role: Role,
      comment?: string,
    ): Promise<{ filename: string; contentType: string; body: string }> {
      const stage = await findStage(prisma, projectId, stageId);
      const codebook = await prisma.codebook.findUnique({ where: { stageId }, include: { codes: { include: CODE_INCLUDE } } });
      const version = codebook?.version ?? 1;
      const tree = toTree(visibleCodes(codebook?.codes ?? [], role));
      const base = `codebook-${stage.name.replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '') || 'stage'}-v${version}`;
      if (format === 'qdc') {
        if (!tree.some((code) => !code.retired)) {
          throw conflict('EMPTY_CODEBOOK', 'The codebook has no active codes, and a .qdc file needs at least one.');
        }
        return {
          filename: `${base}.qdc`,
          contentType: 'application/xml; charset=utf-8',
          body: toQdc(tree, stage.parentCodesCodable, comment),
        };
      }
      const document = toJsonDocument({ name: stage.name, mode: stage.mode, parentCodesCodable: stage.parentCodesCodable }, version, tree);
      return { filename: `${base}.json`, contentType: 'application/json; charset=utf-8', body: `${JSON.stringify(document, null, 2)}\n` };
    },

    async importCodebook(
      projectId: string,
      stageId: string,
      userId: string,
      body: ImportCodebookBody,
      role: Role,
    ): Promise<CodebookImportResult> {
      const parsed = body.format === 'qdc' ? parseQdc(body.content) : parseJsonCodebook(body.content);
      const pathOf =
        body.format === 'qdc'
          ? (path: number[]) => `CodeBook/Codes/${path.map((index) => `Code[${index + 1}]`).join('/')}`
          : (path: number[]) =>
              `codes[${path[0]}]${path
                .slice(1)
                .map((index) => `.children[${index}]`)
                .join('')}`;
      const refuse = (problems: ImportProblem[]) =>
        badRequest('IMPORT_INVALID', `The file cannot be imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}.`, {
          problems,
        });
      // Nothing to check further in a file that could not be read.
      if (parsed.problems.length > 0 && parsed.codes.length === 0) throw refuse(parsed.problems);
      let result = { created: 0, warnings: [] as string[] };
      await change(projectId, stageId, userId, async (context) => {
        const target = importTarget(context, body.parentId);
        const problems = [
          ...parsed.problems,
          ...checkExchangeTree(parsed.codes, {
            takenShortcuts: takenShortcuts(context),
            siblingNames: activeChildNames(context, target.parentId),
            pathOf,
          }),
        ].sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
        if (problems.length > 0) throw refuse(problems);
        result = await insertTree(context, parsed.codes, target.parentId, { withExamples: true });
        return {
          kind: 'import',
          details: { format: body.format, codes: result.created, parent: ref(target.parent), warnings: result.warnings },
        };
      });
      return { codebook: await readCodebook(stageId, role), imported: result.created, warnings: result.warnings };
    },

    /** Copies the active codes of a stage in any project where the caller is lead or owner. */
    async copyCodebook(
      projectId: string,
      stageId: string,
      userId: string,
      body: CopyCodebookBody,
      role: Role,
    ): Promise<CodebookImportResult> {
      const source = await prisma.stage.findFirst({
        where: { id: body.fromStageId, project: { members: { some: { userId, role: { in: ['lead', 'owner'] } } } } },
        include: { project: { select: { id: true, name: true } }, codebook: { include: { codes: { include: CODE_INCLUDE } } } },
      });
      // Stages of projects the caller does not lead are indistinguishable from missing ones.
      if (!source) throw notFound('Source stage');
      if (source.id === stageId) throw badRequest('COPY_FROM_SELF', 'A codebook cannot be copied into itself.');
      const active = (source.codebook?.codes ?? []).filter((code) => !code.retiredAt);
      const tree = toTree(visibleCodes(active, 'coder'));
      if (tree.length === 0) throw badRequest('EMPTY_SOURCE', `The codebook of "${source.name}" has no active codes to copy.`);
      const sameProject = source.projectId === projectId;
      let result = { created: 0, warnings: [] as string[] };
      await change(projectId, stageId, userId, async (context) => {
        const target = importTarget(context, body.parentId);
        const problems = checkExchangeTree(tree, {
          takenShortcuts: takenShortcuts(context),
          siblingNames: activeChildNames(context, target.parentId),
          pathOf: (path) => path.join('.'),
        });
        if (problems.length > 0) {
          throw conflict('COPY_CONFLICT', `The codes cannot be copied here: ${problems.map((p) => p.message).join(' ')}`, { problems });
        }
        // Examples are issues of their own project; in another project they would point nowhere.
        result = await insertTree(context, tree, target.parentId, { withExamples: sameProject });
        return {
          kind: 'copy',
          details: {
            from: { projectId: source.project.id, projectName: source.project.name, stageId: source.id, stageName: source.name },
            codes: countCodes(tree),
            parent: ref(target.parent),
          },
        };
      });
      return { codebook: await readCodebook(stageId, role), imported: result.created, warnings: result.warnings };
    },
  };
}

export type CodebooksService = ReturnType<typeof createCodebooksService>;
