CREATE TABLE "public_place_counts" (
	"year" integer,
	"region" text,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"incidents" integer NOT NULL,
	CONSTRAINT "public_place_counts_key" UNIQUE NULLS NOT DISTINCT("year","region","lat","lon")
);
--> statement-breakpoint
CREATE TABLE "public_place_names" (
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"locality" text NOT NULL,
	"incidents" integer NOT NULL,
	CONSTRAINT "public_place_names_key" UNIQUE("lat","lon","locality")
);
--> statement-breakpoint
CREATE INDEX "public_place_counts_region" ON "public_place_counts" USING btree ("region","year");--> statement-breakpoint
-- The public side reads the counted places as hrd_public (see 0006_public_role.sql), like the read model.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hrd_public') THEN
    GRANT SELECT ON TABLE public_place_counts, public_place_names TO hrd_public;
  END IF;
END
$$;
--> statement-breakpoint
-- Counts the points of what is already public, exactly as countPublicPlaces in
-- server/services/publishing/public-places.ts does (its SQL at the time of this migration).
INSERT INTO "public_place_counts" (year, region, lat, lon, incidents)
SELECT y.year, region, lat, lon, count(*)::int
FROM public_incidents CROSS JOIN LATERAL (VALUES (NULL::int), (extract(year FROM start_date)::int)) AS y(year)
WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO "public_place_names" (lat, lon, locality, incidents)
SELECT lat, lon, locality, count(*)::int FROM public_incidents
WHERE lat IS NOT NULL AND lon IS NOT NULL AND locality IS NOT NULL GROUP BY 1, 2, 3;
