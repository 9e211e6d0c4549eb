-- Issue 9: nodes keep the settings in memory and drop a company's copy when this trigger says its settings changed
-- (LISTEN yewu_settings; delivered on commit, whichever node or tool wrote the row). Decision 0030.
CREATE FUNCTION setting_value_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('yewu_settings', COALESCE(NEW.company_id, OLD.company_id)::text);
  RETURN NULL;
END $$;
CREATE TRIGGER setting_value_changed AFTER INSERT OR UPDATE OR DELETE ON setting_value
  FOR EACH ROW EXECUTE FUNCTION setting_value_changed();
