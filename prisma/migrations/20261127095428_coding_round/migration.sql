-- Codings carry their assignment's round, so a coder's progress in a round is one index count.
-- AlterTable: added nullable, filled from the assignments, then required.
ALTER TABLE "Coding" ADD COLUMN     "roundId" UUID;
UPDATE "Coding" c SET "roundId" = a."roundId" FROM "Assignment" a WHERE a.id = c."assignmentId";
ALTER TABLE "Coding" ALTER COLUMN "roundId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Coding_roundId_coderId_status_idx" ON "Coding"("roundId", "coderId", "status");

-- AddForeignKey
ALTER TABLE "Coding" ADD CONSTRAINT "Coding_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;
