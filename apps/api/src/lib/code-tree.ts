// The order of a codebook tree as people read it: parents before children, siblings by position.
export function treeOrder<T extends { id: string; parentId: string | null; position: number }>(codes: T[]): T[] {
  const children = new Map<string | null, T[]>();
  for (const code of codes) children.set(code.parentId, [...(children.get(code.parentId) ?? []), code]);
  const ordered: T[] = [];
  const visit = (parentId: string | null) => {
    for (const code of (children.get(parentId) ?? []).sort((a, b) => a.position - b.position)) {
      ordered.push(code);
      visit(code.id);
    }
  };
  visit(null);
  return ordered;
}
