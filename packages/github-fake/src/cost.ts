// GitHub's published rate-limit score of a query: every connection asked for with `first` or
// `last` needs one request per node of its parent connections; the sum / 100, rounded, at least 1
// (docs.github.com, "Rate limits and node limits for the GraphQL API").
import { Kind, type DocumentNode, type SelectionSetNode, type ValueNode } from 'graphql';

function argumentValue(value: ValueNode, variables: Record<string, unknown>): number | undefined {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

export function queryCost(
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): { points: number; requests: number; maxFirst: number } {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])),
  );
  let requests = 0;
  let maxFirst = 0;
  const walk = (set: SelectionSetNode, multiplier: number) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const size = selection.arguments
          ?.filter((a) => a.name.value === 'first' || a.name.value === 'last')
          .map((a) => argumentValue(a.value, variables))
          .find((v) => v !== undefined);
        if (size !== undefined) {
          requests += multiplier;
          maxFirst = Math.max(maxFirst, size);
        }
        if (selection.selectionSet) walk(selection.selectionSet, size !== undefined ? multiplier * size : multiplier);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, multiplier);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment, multiplier);
      }
    }
  };
  for (const definition of document.definitions) if (definition.kind === Kind.OPERATION_DEFINITION) walk(definition.selectionSet, 1);
  return { points: Math.max(1, Math.round(requests / 100)), requests, maxFirst };
}
