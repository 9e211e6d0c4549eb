-- Issue 9: nodes keep each company's business calendar in memory and drop it when this trigger says it changed
-- (LISTEN yewu_calendar; delivered on commit, whichever node or tool wrote it). Every calendar write bumps the
-- company's calendar_revision (CalendarStore.touch). Decision 0042, as 0030 for the settings.
-- One function for every such cache: the channel is the trigger's argument (V43's settings trigger predates it).
CREATE FUNCTION notify_company_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(TG_ARGV[0], COALESCE(NEW.company_id, OLD.company_id)::text);
  RETURN NULL;
END $$;
CREATE TRIGGER calendar_revision_changed AFTER INSERT OR UPDATE OR DELETE ON calendar_revision
  FOR EACH ROW EXECUTE FUNCTION notify_company_changed('yewu_calendar');
