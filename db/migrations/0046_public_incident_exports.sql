CREATE TABLE "public_incident_exports" (
	"incident_id" uuid PRIMARY KEY NOT NULL,
	"csv" text NOT NULL,
	"json" text NOT NULL,
	"refs" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "public_incident_exports" ADD CONSTRAINT "public_incident_exports_incident_id_public_incidents_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."public_incidents"("incident_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The texts are made from the row by the app's own code (server/public/export-texts.ts), which the
-- publication calls after it writes the row. Any other writer of what they were made from (a later
-- migration, an administrator's SQL) removes them here, and the export makes them again from the row.
CREATE FUNCTION public_incident_exports_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM public_incident_exports WHERE incident_id = OLD.incident_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER public_incident_exports_stale AFTER UPDATE ON public_incidents FOR EACH ROW
  WHEN ((OLD.incident_id, OLD.publisher, OLD.title, OLD.summary, OLD.start_date, OLD.end_date, OLD.date_precision, OLD.country, OLD.region, OLD.locality,
         OLD.lat, OLD.lon, OLD.location_precision, OLD.violation_types, OLD.defender_categories, OLD.perpetrator_types, OLD.victims, OLD.perpetrators,
         OLD.legal, OLD.sources, OLD.published_at)
    IS DISTINCT FROM (NEW.incident_id, NEW.publisher, NEW.title, NEW.summary, NEW.start_date, NEW.end_date, NEW.date_precision, NEW.country, NEW.region,
         NEW.locality, NEW.lat, NEW.lon, NEW.location_precision, NEW.violation_types, NEW.defender_categories, NEW.perpetrator_types, NEW.victims,
         NEW.perpetrators, NEW.legal, NEW.sources, NEW.published_at))
  EXECUTE FUNCTION public_incident_exports_forget();--> statement-breakpoint
-- The public side reads the texts as hrd_public (see 0006_public_role.sql), like the read model.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hrd_public') THEN
    GRANT SELECT ON TABLE public_incident_exports TO hrd_public;
  END IF;
END
$$;
