-- AlterTable
ALTER TABLE "Issue" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "createdById" UUID,
ADD COLUMN     "queueJobId" UUID;

-- CreateTable
CREATE TABLE "IssueSnapshot" (
    "issueId" UUID NOT NULL,
    "contentVersion" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "comments" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssueSnapshot_pkey" PRIMARY KEY ("issueId","contentVersion")
);

-- CreateTable
CREATE TABLE "IssueSet" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "filter" JSONB NOT NULL,
    "sample" JSONB,
    "population" INTEGER NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssueSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssueSetMember" (
    "setId" UUID NOT NULL,
    "issueId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "IssueSetMember_pkey" PRIMARY KEY ("setId","issueId")
);

-- CreateIndex
CREATE UNIQUE INDEX "IssueSet_projectId_name_key" ON "IssueSet"("projectId", "name");

-- CreateIndex
CREATE INDEX "IssueSetMember_issueId_idx" ON "IssueSetMember"("issueId");

-- CreateIndex
CREATE INDEX "Issue_searchVector_idx" ON "Issue" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "IssueSnapshot" ADD CONSTRAINT "IssueSnapshot_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueSet" ADD CONSTRAINT "IssueSet_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueSet" ADD CONSTRAINT "IssueSet_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueSetMember" ADD CONSTRAINT "IssueSetMember_setId_fkey" FOREIGN KEY ("setId") REFERENCES "IssueSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueSetMember" ADD CONSTRAINT "IssueSetMember_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;
