// Resolving the recode queue: when a code was split, a lead picks the replacement code(s) for each
// issue that had it. Every coding and the final label of that issue in the stage that still hold
// the split code get the replacement instead, each as a new version with its history.
import type { PrismaClient } from '@concord/db';
import type { ResolvedRecode } from '@concord/contracts';
import { checkCodeIds } from '../../lib/code-rules.ts';
import { conflict, notFound } from '../../plugins/errors.ts';
import type { CodingService } from '../coding/coding.service.ts';

/** The codes after replacing `split` with `replacement`: one code in single-choice stages. */
export function replaceCode(codeIds: string[], split: string, replacement: string[]): string[] {
  return [...new Set([...codeIds.filter((id) => id !== split), ...replacement])].sort();
}

export function createRecodeService(prisma: PrismaClient, coding: CodingService) {
  return {
    async resolve(projectId: string, stageId: string, itemId: string, userId: string, codeIds: string[]): Promise<ResolvedRecode> {
      const item = await prisma.recodeItem.findFirst({
        where: { id: itemId, stageId, stage: { projectId } },
        include: { code: { select: { name: true } } },
      });
      if (!item) throw notFound('Recode item');
      const rules = await coding.stageRules(stageId);
      const replacement = checkCodeIds(rules.stage, rules.byId, codeIds);
      const rationale = `Recoded: "${item.code.name}" was split; replaced by ${replacement.map((id) => `"${rules.byId.get(id)!.name}"`).join(', ')}.`;

      return prisma.$transaction(async (tx) => {
        // Claims the item: of two leads resolving it at once, the second finds it resolved.
        const claimed = await tx.recodeItem.updateMany({ where: { id: itemId, resolvedAt: null }, data: { resolvedAt: new Date() } });
        if (claimed.count === 0) throw conflict('ALREADY_RESOLVED', 'Another lead resolved this issue already.');
        // Locked before they are read: a save or a decision on this issue either commits first and
        // is recoded too, or waits and then finds a newer version (409), never overwritten.
        await tx.$executeRaw`SELECT 1 FROM "Coding" WHERE "stageId" = ${stageId}::uuid AND "issueId" = ${item.issueId}::uuid FOR UPDATE`;
        await tx.$executeRaw`SELECT 1 FROM "FinalLabel" WHERE "stageId" = ${stageId}::uuid AND "issueId" = ${item.issueId}::uuid FOR UPDATE`;
        const codings = await tx.coding.findMany({
          where: { stageId, issueId: item.issueId, codes: { some: { codeId: item.codeId } } },
          include: { codes: { select: { codeId: true } } },
        });
        for (const row of codings) {
          const next = replaceCode(
            row.codes.map((c) => c.codeId),
            item.codeId,
            replacement,
          );
          const updated = await tx.coding.update({ where: { id: row.id }, data: { version: { increment: 1 } } });
          await tx.codingCode.deleteMany({ where: { codingId: row.id } });
          await tx.codingCode.createMany({ data: next.map((codeId) => ({ codingId: row.id, codeId })) });
          await tx.codingRevision.create({
            data: { codingId: row.id, version: updated.version, status: row.status, codeIds: next, memo: row.memo },
          });
        }
        const label = await tx.finalLabel.findFirst({
          where: { stageId, issueId: item.issueId, codes: { some: { codeId: item.codeId } } },
          include: { codes: { select: { codeId: true } } },
        });
        if (label) {
          const next = replaceCode(
            label.codes.map((c) => c.codeId),
            item.codeId,
            replacement,
          );
          const updated = await tx.finalLabel.update({ where: { id: label.id }, data: { version: { increment: 1 } } });
          await tx.finalLabelCode.deleteMany({ where: { finalLabelId: label.id } });
          await tx.finalLabelCode.createMany({ data: next.map((codeId) => ({ finalLabelId: label.id, codeId })) });
          await tx.finalLabelRevision.create({
            data: { finalLabelId: label.id, version: updated.version, kind: 'recode', codeIds: next, rationale, decidedById: userId },
          });
        }
        const resolved = await tx.recodeItem.findUniqueOrThrow({ where: { id: itemId } });
        return { codings: codings.length, finalLabels: label ? 1 : 0, resolvedAt: resolved.resolvedAt!.toISOString() };
      });
    },
  };
}
