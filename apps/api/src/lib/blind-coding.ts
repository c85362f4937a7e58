// Blind coding in SQL: a coder sees what others did with an issue in a stage (their codings, the
// final label, discussion, and any count built from them) only once every round of that stage
// that drew the issue is closed.

/** SQL condition (on an issue id expression and a stage id expression): every round of the stage that drew it is closed. */
export const unblindedSql = (issue: string, stage: string) =>
  `NOT EXISTS (SELECT 1 FROM "Assignment" ba JOIN "Round" br ON br.id = ba."roundId"
               WHERE br."stageId" = ${stage} AND ba."issueId" = ${issue} AND br.status <> 'closed')`;
