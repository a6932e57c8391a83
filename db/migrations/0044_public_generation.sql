ALTER TABLE "public_incident_counts_state" ADD COLUMN "generation" text DEFAULT gen_random_uuid()::text NOT NULL;--> statement-breakpoint
-- Every write that can change a public count, place or label sets a new generation, in the writer's
-- own transaction: readers see the new token exactly when they can see the new rows. Writers of the
-- public incidents hold this row's lock already (server/services/publishing/public-counts.ts), so
-- the update adds no lock they did not take. The search refresh, which rewrites only the search
-- columns, is left out: no kept answer is one of a search.
CREATE FUNCTION public_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public_incident_counts_state SET generation = gen_random_uuid()::text;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER public_generation_incidents AFTER INSERT OR DELETE OR UPDATE OF
  incident_id, publisher, title, summary, start_date, end_date, date_precision, country, region, locality, lat, lon, location_precision,
  violation_types, defender_categories, perpetrator_types, victims, perpetrators, legal, sources, published_version, published_at, updated_at
  ON public_incidents FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_incidents_truncate AFTER TRUNCATE ON public_incidents FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_counts AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public_incident_counts FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_places AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public_place_counts FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_place_names AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public_place_names FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();--> statement-breakpoint
CREATE TRIGGER public_generation_vocabulary AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON vocabulary_terms FOR EACH STATEMENT EXECUTE FUNCTION public_generation_bump();
