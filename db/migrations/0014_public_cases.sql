CREATE TABLE "public_cases" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"publisher" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"status" "case_status" NOT NULL,
	"persons" jsonb NOT NULL,
	"incidents" jsonb NOT NULL,
	"legal_events" jsonb NOT NULL,
	"interventions" jsonb NOT NULL,
	"published_version" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "public_cases_published" ON "public_cases" USING btree ("published_at","case_id");