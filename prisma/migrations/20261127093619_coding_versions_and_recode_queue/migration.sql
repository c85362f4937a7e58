-- AlterTable
ALTER TABLE "Coding" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "CodingRevision" ADD COLUMN     "status" "CodingStatus" NOT NULL DEFAULT 'submitted',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "RecodeItem" (
    "id" UUID NOT NULL,
    "stageId" UUID NOT NULL,
    "issueId" UUID NOT NULL,
    "codeId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "RecodeItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecodeItem_stageId_resolvedAt_idx" ON "RecodeItem"("stageId", "resolvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecodeItem_stageId_issueId_codeId_key" ON "RecodeItem"("stageId", "issueId", "codeId");

-- AddForeignKey
ALTER TABLE "RecodeItem" ADD CONSTRAINT "RecodeItem_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecodeItem" ADD CONSTRAINT "RecodeItem_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecodeItem" ADD CONSTRAINT "RecodeItem_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "Code"("id") ON DELETE CASCADE ON UPDATE CASCADE;
