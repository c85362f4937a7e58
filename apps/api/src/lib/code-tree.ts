// The order of a codebook tree as people read it (parents before children, siblings by position),
// and each code with its path of names from the top-level theme down, as reports show it.
type TreeNode = { id: string; parentId: string | null; position: number };

/** Siblings by position; ties (mid-reorder) in a stable order. */
const byPosition = (a: TreeNode, b: TreeNode) => a.position - b.position || a.id.localeCompare(b.id);

export function treeOrder<T extends TreeNode>(codes: T[], siblingOrder: (a: T, b: T) => number = byPosition): T[] {
  const children = new Map<string | null, T[]>();
  for (const code of codes) children.set(code.parentId, [...(children.get(code.parentId) ?? []), code]);
  const ordered: T[] = [];
  const visit = (parentId: string | null) => {
    for (const code of (children.get(parentId) ?? []).sort(siblingOrder)) {
      ordered.push(code);
      visit(code.id);
    }
  };
  visit(null);
  return ordered;
}

interface StoredCode {
  id: string;
  parentId: string | null;
  position: number;
  name: string;
  retiredAt: Date | null;
}

export interface CodeWithPath {
  id: string;
  name: string;
  parentId: string | null;
  /** Names from the top-level theme down to this code. */
  path: string[];
  retired: boolean;
}

/** Every code in tree order with its path; the first element of a path names the code's theme. */
export function withPaths(codes: StoredCode[]): CodeWithPath[] {
  const byId = new Map(codes.map((code) => [code.id, code]));
  const pathOf = (id: string | null): string[] => (id ? [...pathOf(byId.get(id)!.parentId), byId.get(id)!.name] : []);
  return treeOrder(codes).map((code) => ({
    id: code.id,
    name: code.name,
    parentId: code.parentId,
    path: pathOf(code.id),
    retired: code.retiredAt !== null,
  }));
}
