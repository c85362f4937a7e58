// The codebook tree without React: the rows shown (collapsed branches and, optionally, retired
// codes left out), where a dragged row would land (depth and parent from the horizontal offset,
// as in dnd-kit's sortable tree), and the move that results.
import type { CodebookCode, MoveCodeBody } from '@concord/contracts';

export interface TreeRow {
  code: CodebookCode;
  depth: number;
  /** Has children among the codes shown (a collapse toggle makes sense). */
  hasChildren: boolean;
}

export function childrenOf(codes: CodebookCode[], parentId: string | null): CodebookCode[] {
  return codes.filter((code) => code.parentId === parentId).sort((a, b) => a.position - b.position);
}

export function treeRows(codes: CodebookCode[], { collapsed, showRetired }: { collapsed: ReadonlySet<string>; showRetired: boolean }) {
  const rows: TreeRow[] = [];
  const shown = (code: CodebookCode) => showRetired || !code.retired;
  const visit = (parentId: string | null, depth: number) => {
    for (const code of childrenOf(codes, parentId).filter(shown)) {
      rows.push({ code, depth, hasChildren: codes.some((child) => child.parentId === code.id && shown(child)) });
      if (!collapsed.has(code.id)) visit(code.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

/** The code's ancestors' names and its own, from the top level down. */
export function pathOf(codes: CodebookCode[], codeId: string): string[] {
  const byId = new Map(codes.map((code) => [code.id, code]));
  const names: string[] = [];
  for (let code = byId.get(codeId); code; code = code.parentId ? byId.get(code.parentId) : undefined) names.unshift(code.name);
  return names;
}

export function descendantIds(codes: CodebookCode[], codeId: string): Set<string> {
  const ids = new Set<string>();
  const visit = (parentId: string) => {
    for (const code of codes) {
      if (code.parentId === parentId && !ids.has(code.id)) {
        ids.add(code.id);
        visit(code.id);
      }
    }
  };
  visit(codeId);
  return ids;
}

/** Every code with its path, in tree order, for pickers ("Theme › Sub-theme"). */
export function codeOptions(codes: CodebookCode[], { exclude = new Set<string>(), activeOnly = true } = {}) {
  return treeRows(codes, { collapsed: new Set(), showRetired: !activeOnly })
    .filter((row) => !exclude.has(row.code.id))
    .map((row) => ({ value: row.code.id, label: pathOf(codes, row.code.id).join(' › ') }));
}

/** The codes after a move, as the API will answer it: siblings re-numbered on both sides. */
export function applyMove(codes: CodebookCode[], codeId: string, { parentId, position }: MoveCodeBody): CodebookCode[] {
  const moving = codes.find((code) => code.id === codeId);
  if (!moving) return codes;
  const updates = new Map<string, { parentId: string | null; position: number }>();
  childrenOf(codes, moving.parentId)
    .filter((code) => code.id !== codeId)
    .forEach((code, index) => updates.set(code.id, { parentId: code.parentId, position: index }));
  const siblings = childrenOf(codes, parentId).filter((code) => code.id !== codeId);
  siblings.splice(Math.min(position, siblings.length), 0, moving);
  siblings.forEach((code, index) => updates.set(code.id, { parentId, position: index }));
  return codes.map((code) => {
    const update = updates.get(code.id);
    return update ? { ...code, ...update } : code;
  });
}

function arrayMove<T>(items: T[], from: number, to: number): T[] {
  const result = [...items];
  const [item] = result.splice(from, 1);
  if (item !== undefined) result.splice(to, 0, item);
  return result;
}

export interface Projection {
  depth: number;
  parentId: string | null;
}

/**
 * Where the dragged row lands when dropped on `overId`, `offsetX` pixels right (or left) of
 * where it started: one level per `indent`, between the deepest the row above allows and the
 * shallowest the row below needs.
 */
export function getProjection(rows: TreeRow[], activeId: string, overId: string, offsetX: number, indent: number): Projection | null {
  const overIndex = rows.findIndex((row) => row.code.id === overId);
  const activeIndex = rows.findIndex((row) => row.code.id === activeId);
  const active = rows[activeIndex];
  if (overIndex < 0 || !active) return null;
  const moved = arrayMove(rows, activeIndex, overIndex);
  const previous = moved[overIndex - 1];
  const next = moved[overIndex + 1];
  const maxDepth = previous ? previous.depth + 1 : 0;
  const minDepth = next ? next.depth : 0;
  const depth = Math.min(Math.max(active.depth + Math.round(offsetX / indent), minDepth), maxDepth);
  let parentId: string | null = null;
  if (depth > 0 && previous) {
    if (depth === previous.depth) parentId = previous.code.parentId;
    else if (depth > previous.depth) parentId = previous.code.id;
    else
      parentId =
        moved
          .slice(0, overIndex)
          .reverse()
          .find((row) => row.depth === depth)?.code.parentId ?? null;
  }
  return { depth, parentId };
}

/**
 * The API move for a drop: the new parent, and the place among all its children (retired ones
 * included, which the rows may hide) right after the shown sibling above. Null when nothing moves.
 */
export function dropTarget(
  codes: CodebookCode[],
  rows: TreeRow[],
  activeId: string,
  overId: string,
  projection: Projection,
): MoveCodeBody | null {
  const active = codes.find((code) => code.id === activeId);
  const overIndex = rows.findIndex((row) => row.code.id === overId);
  const activeIndex = rows.findIndex((row) => row.code.id === activeId);
  if (!active || overIndex < 0 || activeIndex < 0) return null;
  const moved = arrayMove(rows, activeIndex, overIndex);
  const above = moved
    .slice(0, overIndex)
    .filter((row) => row.code.parentId === projection.parentId)
    .at(-1);
  const siblings = childrenOf(codes, projection.parentId).filter((code) => code.id !== activeId);
  const position = above ? siblings.findIndex((code) => code.id === above.code.id) + 1 : 0;
  const currentPosition = childrenOf(codes, active.parentId).findIndex((code) => code.id === activeId);
  if (projection.parentId === active.parentId && position === currentPosition) return null;
  return { parentId: projection.parentId, position };
}
