// Who may see what of an issue under review. Leads and owners review live; coders see an issue's
// codings, final label and discussion only once every round of the stage that drew it is closed,
// so nothing of the others' codings reaches them while they still code it (blind coding).
import type { PrismaClient, Role } from '@concord/db';
import { AppError, notFound } from '../../plugins/errors.ts';

export const roundStillOpen = () =>
  new AppError(403, 'ROUND_OPEN', 'Coders see reviews and discussions once the round is closed: coding is blind until then.');

/** The stage (in the project) with its codebook's codes. */
export async function stageWithCodes(prisma: PrismaClient, projectId: string, stageId: string) {
  const stage = await prisma.stage.findFirst({
    where: { id: stageId, projectId },
    include: { codebook: { include: { codes: { include: { children: { select: { retiredAt: true } } } } } } },
  });
  if (!stage) throw notFound('Stage');
  return stage;
}

/** The rounds of the stage that drew the issue, oldest first; 404 when none did. */
export async function roundsOfIssue(prisma: PrismaClient, stageId: string, issueId: string) {
  const rounds = await prisma.round.findMany({
    where: { stageId, assignments: { some: { issueId } } },
    orderBy: { number: 'asc' },
    select: { id: true, number: true, name: true, status: true, closedAt: true },
  });
  if (rounds.length === 0) throw notFound('Issue under review in this stage');
  return rounds;
}

export function assertUnblinded(rounds: { status: string }[], role: Role): void {
  if (role === 'coder' && rounds.some((round) => round.status !== 'closed')) throw roundStillOpen();
}
