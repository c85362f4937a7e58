-- CreateTable
CREATE TABLE "ExportFile" (
    "jobId" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "chunkCount" INTEGER NOT NULL DEFAULT 0,
    "completedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "ExportFile_pkey" PRIMARY KEY ("jobId")
);

-- CreateTable
CREATE TABLE "ExportFileChunk" (
    "jobId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ExportFileChunk_pkey" PRIMARY KEY ("jobId","position")
);

-- CreateIndex
CREATE INDEX "ExportFile_expiresAt_idx" ON "ExportFile"("expiresAt");

-- AddForeignKey
ALTER TABLE "ExportFile" ADD CONSTRAINT "ExportFile_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportFileChunk" ADD CONSTRAINT "ExportFileChunk_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ExportFile"("jobId") ON DELETE CASCADE ON UPDATE CASCADE;
