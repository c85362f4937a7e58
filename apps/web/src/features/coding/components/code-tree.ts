// The codebook as the coding screen uses it: codes in tree order with their depth, one shortcut
// key per selectable code, search that keeps the ancestors of matches, and what picking a code
// does to the selection in single-choice and multi-label stages.
import type { CodingCode } from '@concord/contracts';

export type StageMode = 'single' | 'multi';

export interface CodeNode {
  code: CodingCode;
  depth: number;
  /** The key that picks it; null for codes that cannot be picked or when keys run out. */
  shortcut: string | null;
}

/** Keys of the screen itself, never given to a code. */
export const RESERVED_KEYS = new Set(['/', '?', 'j', 'k']);
// Digits first (one hand on the numbers, one on Enter), then letters.
const KEY_POOL = [...'1234567890abcdefghijklmnopqrstuvwxyz'].filter((key) => !RESERVED_KEYS.has(key));

/** A stored shortcut as the key that types it: one character, letters in lower case. */
export function normaliseShortcut(shortcut: string | null): string | null {
  if (!shortcut) return null;
  const trimmed = shortcut.trim();
  if ([...trimmed].length !== 1) return null;
  return trimmed.toLowerCase();
}

/**
 * Codes in the API's tree order with depth and keys: a code's own shortcut when it is one free
 * key, else the next free digit or letter in tree order.
 */
export function buildCodeNodes(codes: CodingCode[]): CodeNode[] {
  const byId = new Map(codes.map((code) => [code.id, code]));
  const depthOf = (code: CodingCode): number => {
    let depth = 0;
    let parentId = code.parentId;
    // Bounded by the number of codes, in case a broken tree ever holds a cycle.
    while (parentId && depth < codes.length) {
      depth += 1;
      parentId = byId.get(parentId)?.parentId ?? null;
    }
    return depth;
  };

  const taken = new Set<string>();
  const explicit = new Map<string, string>();
  for (const code of codes) {
    const key = normaliseShortcut(code.shortcut);
    if (!code.codable || !key || RESERVED_KEYS.has(key) || taken.has(key)) continue;
    taken.add(key);
    explicit.set(code.id, key);
  }
  const free = KEY_POOL.filter((key) => !taken.has(key));
  return codes.map((code) => ({
    code,
    depth: depthOf(code),
    shortcut: code.codable ? (explicit.get(code.id) ?? free.shift() ?? null) : null,
  }));
}

/** Ids of the codes to show for a search: matches (name, definition, criteria) and their ancestors. */
export function searchCodes(nodes: CodeNode[], query: string): Set<string> {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return new Set(nodes.map((node) => node.code.id));
  const byId = new Map(nodes.map((node) => [node.code.id, node.code]));
  const visible = new Set<string>();
  for (const { code } of nodes) {
    const text = `${code.name} ${code.definition} ${code.includeCriteria} ${code.excludeCriteria}`.toLowerCase();
    if (!words.every((word) => text.includes(word))) continue;
    let current: CodingCode | undefined = code;
    while (current && !visible.has(current.id)) {
      visible.add(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
  }
  return visible;
}

/** The selection after picking a code: single choice replaces it, multi-label toggles the code. */
export function pickCode(mode: StageMode, selected: string[], codeId: string): string[] {
  if (mode === 'single') return [codeId];
  return selected.includes(codeId) ? selected.filter((id) => id !== codeId) : [...selected, codeId];
}
