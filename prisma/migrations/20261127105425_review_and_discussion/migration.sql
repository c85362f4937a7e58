-- AlterTable
ALTER TABLE "DiscussionMessage" ADD COLUMN     "mentionIds" UUID[];

-- AlterTable
ALTER TABLE "FinalLabel" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "FinalLabelRevision" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'decision';

-- CreateTable
CREATE TABLE "DiscussionRead" (
    "userId" UUID NOT NULL,
    "stageId" UUID NOT NULL,
    "issueId" UUID NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DiscussionRead_pkey" PRIMARY KEY ("userId","stageId","issueId")
);

-- AddForeignKey
ALTER TABLE "DiscussionRead" ADD CONSTRAINT "DiscussionRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionRead" ADD CONSTRAINT "DiscussionRead_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionRead" ADD CONSTRAINT "DiscussionRead_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;
