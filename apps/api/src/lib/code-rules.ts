// The rules every set of codes applied to an issue follows, for coders' codings and for leads'
// final labels alike: codes of the stage's codebook, not retired, leaves unless the stage lets
// parents be coded, and one code at most in a single-choice stage.
import { badRequest } from '../plugins/errors.ts';

/** A code as the rules see it. */
export interface RuleCode {
  name: string;
  retired: boolean;
  hasChildren: boolean;
}

export interface RuleStage {
  name: string;
  mode: 'single' | 'multi';
  parentCodesCodable: boolean;
}

/** The distinct code ids, sorted, or a 400 naming the codes that break a rule. */
export function checkCodeIds(stage: RuleStage, byId: ReadonlyMap<string, RuleCode>, codeIds: readonly string[]): string[] {
  const unique = [...new Set(codeIds)];
  const unknown = unique.filter((id) => !byId.has(id));
  if (unknown.length)
    throw badRequest('UNKNOWN_CODE', `Not a code of the ${stage.name} codebook: ${unknown.join(', ')}.`, { codeIds: unknown });
  const retired = unique.filter((id) => byId.get(id)!.retired);
  if (retired.length)
    throw badRequest('RETIRED_CODE', `Retired code(s): ${retired.map((id) => byId.get(id)!.name).join(', ')}.`, { codeIds: retired });
  const parents = stage.parentCodesCodable ? [] : unique.filter((id) => byId.get(id)!.hasChildren);
  if (parents.length) {
    throw badRequest(
      'PARENT_NOT_CODABLE',
      `Only leaf codes can be applied in ${stage.name}: ${parents.map((id) => byId.get(id)!.name).join(', ')} has sub-codes.`,
    );
  }
  if (stage.mode === 'single' && unique.length > 1) throw badRequest('SINGLE_CHOICE', `${stage.name} takes exactly one code per issue.`);
  return unique.sort();
}
