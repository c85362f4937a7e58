-- CreateTable
CREATE TABLE "RoundProgress" (
    "roundId" UUID NOT NULL,
    "coderId" UUID NOT NULL,
    "assigned" INTEGER NOT NULL DEFAULT 0,
    "submitted" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RoundProgress_pkey" PRIMARY KEY ("roundId","coderId")
);

-- AddForeignKey
ALTER TABLE "RoundProgress" ADD CONSTRAINT "RoundProgress_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundProgress" ADD CONSTRAINT "RoundProgress_coderId_fkey" FOREIGN KEY ("coderId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Kept by statement-level triggers with transition tables, so a bulk write (a round's
-- assignments, a seed) costs one update per round and coder, and a single save one row update.
-- Deletes only update: a cascade from a deleted round must not re-create its progress rows.
CREATE FUNCTION concord_assignment_progress() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "RoundProgress" p SET "assigned" = p."assigned" - d.n
    FROM (SELECT "roundId", "coderId", count(*) AS n FROM old_rows GROUP BY 1, 2) d
    WHERE p."roundId" = d."roundId" AND p."coderId" = d."coderId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "RoundProgress" ("roundId", "coderId", "assigned")
    SELECT "roundId", "coderId", count(*) FROM new_rows GROUP BY 1, 2
    ON CONFLICT ("roundId", "coderId") DO UPDATE SET "assigned" = "RoundProgress"."assigned" + EXCLUDED."assigned";
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION concord_coding_progress() RETURNS trigger AS $$
BEGIN
  -- Each branch names only the transition tables its event has.
  IF TG_OP = 'INSERT' THEN
    UPDATE "RoundProgress" p SET "submitted" = p."submitted" + d.n
    FROM (SELECT "roundId", "coderId", count(*) AS n FROM new_rows WHERE status = 'submitted' GROUP BY 1, 2) d
    WHERE p."roundId" = d."roundId" AND p."coderId" = d."coderId";
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "RoundProgress" p SET "submitted" = p."submitted" - d.n
    FROM (SELECT "roundId", "coderId", count(*) AS n FROM old_rows WHERE status = 'submitted' GROUP BY 1, 2) d
    WHERE p."roundId" = d."roundId" AND p."coderId" = d."coderId";
  ELSE
    -- An edit that keeps a coding submitted (or a draft) changes nothing here.
    UPDATE "RoundProgress" p SET "submitted" = p."submitted" + d.n
    FROM (
      SELECT "roundId", "coderId", sum(n) AS n FROM (
        SELECT "roundId", "coderId", 1 AS n FROM new_rows WHERE status = 'submitted'
        UNION ALL
        SELECT "roundId", "coderId", -1 AS n FROM old_rows WHERE status = 'submitted'
      ) changes GROUP BY 1, 2
    ) d
    WHERE p."roundId" = d."roundId" AND p."coderId" = d."coderId" AND d.n <> 0;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Assignment_progress_insert" AFTER INSERT ON "Assignment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION concord_assignment_progress();
CREATE TRIGGER "Assignment_progress_update" AFTER UPDATE ON "Assignment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION concord_assignment_progress();
CREATE TRIGGER "Assignment_progress_delete" AFTER DELETE ON "Assignment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION concord_assignment_progress();
CREATE TRIGGER "Coding_progress_insert" AFTER INSERT ON "Coding"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION concord_coding_progress();
CREATE TRIGGER "Coding_progress_update" AFTER UPDATE ON "Coding"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION concord_coding_progress();
CREATE TRIGGER "Coding_progress_delete" AFTER DELETE ON "Coding"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION concord_coding_progress();

-- Progress of the rounds that exist already.
INSERT INTO "RoundProgress" ("roundId", "coderId", "assigned", "submitted")
SELECT a."roundId", a."coderId", count(*), count(*) FILTER (WHERE c.status = 'submitted')
FROM "Assignment" a LEFT JOIN "Coding" c ON c."assignmentId" = a.id
GROUP BY 1, 2;
