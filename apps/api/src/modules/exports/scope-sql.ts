// SQL conditions shared by the writers, so every file applies the scope the same way: the stage
// filter, the round filter, a coder's own codings, and which issues a file covers.
import type { ExportContext } from './export-scope.ts';

/** Numbered query parameters, so conditions can be combined in any order. */
export class SqlValues {
  readonly values: unknown[] = [];

  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/** Conditions on a Coding aliased `c` joined to its Round aliased `r`. */
export function codingConditions(context: ExportContext, sql: SqlValues, { submittedOnly }: { submittedOnly: boolean }): string {
  const conditions = [
    `c."stageId" = ANY(${sql.add(
      context.stages.map((stage) => stage.id),
      '::uuid[]',
    )})`,
  ];
  if (submittedOnly) conditions.push(`c.status = 'submitted'`);
  if (context.round !== null) conditions.push(`r.number = ${sql.add(context.round, '::int')}`);
  if (context.ownCodingsOf) conditions.push(`c."coderId" = ${sql.add(context.ownCodingsOf, '::uuid')}`);
  return conditions.join(' AND ');
}

/** Conditions and values of codings in scope, for a query of its own. */
export function codingScope(context: ExportContext, options: { submittedOnly: boolean }) {
  const sql = new SqlValues();
  return { where: codingConditions(context, sql, options), values: sql.values };
}

/**
 * Conditions on an Issue aliased `i`: without a stage filter every issue of the project (coders
 * see them all on the Issues page); with one, the issues assigned in that stage (to the coder,
 * for a coder) or holding a final label there.
 */
export function issueConditions(context: ExportContext, sql: SqlValues): string {
  const project = `i."projectId" = ${sql.add(context.project.id, '::uuid')}`;
  if (!context.stage) return project;
  const stage = sql.add(context.stage.id, '::uuid');
  if (context.ownCodingsOf) {
    const coder = sql.add(context.ownCodingsOf, '::uuid');
    return `${project} AND i.id IN (SELECT a."issueId" FROM "Assignment" a JOIN "Round" r ON r.id = a."roundId" WHERE r."stageId" = ${stage} AND a."coderId" = ${coder})`;
  }
  return (
    `${project} AND (i.id IN (SELECT a."issueId" FROM "Assignment" a JOIN "Round" r ON r.id = a."roundId" WHERE r."stageId" = ${stage})` +
    ` OR i.id IN (SELECT f."issueId" FROM "FinalLabel" f WHERE f."stageId" = ${stage}))`
  );
}

/** Code paths joined for one CSV cell, e.g. "Model reuse / Fine-tuning". */
export const PATH_SEPARATOR = ' / ';

export function codeLookup(context: ExportContext) {
  return new Map(context.stages.flatMap((stage) => stage.codes.map((code) => [code.id, code] as const)));
}
