-- Every API process caches sessions, API tokens, roles and project overviews in memory. These
-- statement-level triggers announce each committed change of a cached table on the channel
-- `concord_change` (payload: the table name), so every process drops what went stale.
-- PostgreSQL delivers a notification only on commit and folds identical ones within a
-- transaction, so a bulk import costs one notification per table.
CREATE FUNCTION concord_notify_change() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('concord_change', TG_TABLE_NAME);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Session_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Session" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
CREATE TRIGGER "ApiToken_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ApiToken" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
CREATE TRIGGER "User_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
CREATE TRIGGER "Member_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Member" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
CREATE TRIGGER "Project_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Project" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
CREATE TRIGGER "Repository_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Repository" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
CREATE TRIGGER "Issue_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Issue" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
CREATE TRIGGER "Stage_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Stage" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
CREATE TRIGGER "Codebook_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Codebook" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
CREATE TRIGGER "Code_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Code" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
