-- Marks search rows out of date in the transaction of every write that changes what they hold
-- (server/services/search/refresh.ts rebuilds them, folding in TypeScript, before a search reads).
CREATE OR REPLACE FUNCTION search_mark_incident() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_stale (kind, id) VALUES ('incident', NEW.id) ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_mark_incident_part() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO search_stale (kind, id) VALUES ('incident', OLD.incident_id) ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO search_stale (kind, id) VALUES ('incident', NEW.incident_id) ON CONFLICT DO NOTHING;
    RETURN NEW;
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
-- A person, organization, source or provision: its own row (persons and organizations are suggested
-- by name) and every incident that names it.
CREATE OR REPLACE FUNCTION search_mark_named() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'persons' THEN
    INSERT INTO search_stale (kind, id) VALUES ('person', NEW.id) ON CONFLICT DO NOTHING;
    INSERT INTO search_stale (kind, id) SELECT 'incident', incident_id FROM incident_victims WHERE person_id = NEW.id ON CONFLICT DO NOTHING;
  ELSIF TG_TABLE_NAME = 'documented_organizations' THEN
    INSERT INTO search_stale (kind, id) VALUES ('organization', NEW.id) ON CONFLICT DO NOTHING;
    INSERT INTO search_stale (kind, id) SELECT 'incident', incident_id FROM incident_victims WHERE documented_organization_id = NEW.id ON CONFLICT DO NOTHING;
  ELSIF TG_TABLE_NAME = 'sources' THEN
    INSERT INTO search_stale (kind, id) SELECT 'incident', incident_id FROM incident_sources WHERE source_id = NEW.id ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO search_stale (kind, id) SELECT 'incident', incident_id FROM incident_legal_provisions WHERE legal_provision_id = NEW.id ON CONFLICT DO NOTHING;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER search_stale_incident AFTER INSERT OR UPDATE OF title, summary, region, locality, organization_id ON incidents
  FOR EACH ROW EXECUTE FUNCTION search_mark_incident();
--> statement-breakpoint
CREATE TRIGGER search_stale_victims AFTER INSERT OR UPDATE OR DELETE ON incident_victims FOR EACH ROW EXECUTE FUNCTION search_mark_incident_part();
--> statement-breakpoint
CREATE TRIGGER search_stale_perpetrators AFTER INSERT OR UPDATE OR DELETE ON incident_perpetrators FOR EACH ROW EXECUTE FUNCTION search_mark_incident_part();
--> statement-breakpoint
CREATE TRIGGER search_stale_sources AFTER INSERT OR UPDATE OR DELETE ON incident_sources FOR EACH ROW EXECUTE FUNCTION search_mark_incident_part();
--> statement-breakpoint
CREATE TRIGGER search_stale_provisions AFTER INSERT OR UPDATE OR DELETE ON incident_legal_provisions FOR EACH ROW EXECUTE FUNCTION search_mark_incident_part();
--> statement-breakpoint
CREATE TRIGGER search_stale_person AFTER INSERT OR UPDATE OF name, aliases, organization_id ON persons FOR EACH ROW EXECUTE FUNCTION search_mark_named();
--> statement-breakpoint
CREATE TRIGGER search_stale_organization AFTER INSERT OR UPDATE OF name, acronym, aliases, organization_id ON documented_organizations FOR EACH ROW EXECUTE FUNCTION search_mark_named();
--> statement-breakpoint
CREATE TRIGGER search_stale_source AFTER UPDATE OF title, publisher, reference_code ON sources FOR EACH ROW EXECUTE FUNCTION search_mark_named();
--> statement-breakpoint
CREATE TRIGGER search_stale_provision AFTER UPDATE OF code, article, title ON legal_provisions FOR EACH ROW EXECUTE FUNCTION search_mark_named();
--> statement-breakpoint
-- What exists already is searched after the first rebuild.
INSERT INTO search_stale (kind, id) SELECT 'incident', id FROM incidents ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO search_stale (kind, id) SELECT 'person', id FROM persons ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO search_stale (kind, id) SELECT 'organization', id FROM documented_organizations ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO search_stale (kind, id) SELECT 'public_incident', incident_id FROM public_incidents ON CONFLICT DO NOTHING;
