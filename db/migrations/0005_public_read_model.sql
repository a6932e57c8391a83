CREATE TABLE "public_incidents" (
	"incident_id" uuid PRIMARY KEY NOT NULL,
	"publisher" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"date_precision" date_precision NOT NULL,
	"country" text NOT NULL,
	"region" text,
	"locality" text,
	"lat" double precision,
	"lon" double precision,
	"location_precision" "location_precision" NOT NULL,
	"violation_types" text[] NOT NULL,
	"defender_categories" text[] NOT NULL,
	"perpetrator_types" text[] NOT NULL,
	"victims" jsonb NOT NULL,
	"perpetrators" jsonb NOT NULL,
	"legal" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"published_version" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "public_incidents_start" ON "public_incidents" USING btree ("start_date","incident_id");--> statement-breakpoint
CREATE INDEX "public_incidents_region" ON "public_incidents" USING btree ("region");--> statement-breakpoint
CREATE INDEX "public_incidents_types" ON "public_incidents" USING gin ("violation_types");