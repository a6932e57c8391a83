CREATE TABLE "public_incident_counts" (
	"filter_dim" text NOT NULL,
	"filter_key" text,
	"group_dim" text NOT NULL,
	"group_key" text,
	"month" date NOT NULL,
	"year_only" boolean NOT NULL,
	"incidents" integer NOT NULL,
	CONSTRAINT "public_incident_counts_key" UNIQUE NULLS NOT DISTINCT("filter_dim","filter_key","group_dim","month","year_only","group_key")
);
--> statement-breakpoint
CREATE TABLE "public_incident_counts_state" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"vocabulary" text NOT NULL,
	"rebuilt_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_incident_counts_state_one_row" CHECK ("public_incident_counts_state"."id")
);
