-- The coding screen caches each issue with its comments (see lib/change-feed.ts): comments
-- announce their changes too.
CREATE TRIGGER "Comment_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Comment" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
