CREATE TABLE "actor_search" (
	"kind" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"keys" text NOT NULL,
	CONSTRAINT "actor_search_kind_actor_id_pk" PRIMARY KEY("kind","actor_id")
);
--> statement-breakpoint
CREATE TABLE "incident_search" (
	"incident_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"title_keys" text NOT NULL,
	"text" text NOT NULL,
	"keys" text NOT NULL,
	"vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian'::regconfig, "incident_search"."title") || to_tsvector('simple'::regconfig, "incident_search"."title_keys"), 'A')
    || to_tsvector('russian'::regconfig, "incident_search"."text") || to_tsvector('simple'::regconfig, "incident_search"."keys")) STORED NOT NULL,
	"title_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('russian'::regconfig, "incident_search"."title") || to_tsvector('simple'::regconfig, "incident_search"."title_keys")) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_stale" (
	"kind" text NOT NULL,
	"id" uuid NOT NULL,
	CONSTRAINT "search_stale_kind_id_pk" PRIMARY KEY("kind","id")
);
--> statement-breakpoint
ALTER TABLE "public_incidents" ADD COLUMN "title_keys" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "public_incidents" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "public_incidents" ADD COLUMN "search_keys" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "public_incidents" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian'::regconfig, "public_incidents"."title") || to_tsvector('simple'::regconfig, "public_incidents"."title_keys"), 'A')
    || to_tsvector('russian'::regconfig, "public_incidents"."search_text") || to_tsvector('simple'::regconfig, "public_incidents"."search_keys")) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "public_incidents" ADD COLUMN "title_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('russian'::regconfig, "public_incidents"."title") || to_tsvector('simple'::regconfig, "public_incidents"."title_keys")) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_search" ADD CONSTRAINT "incident_search_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actor_search_keys" ON "actor_search" USING gin ("keys" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "incident_search_vector" ON "incident_search" USING gin ("vector");--> statement-breakpoint
CREATE INDEX "incident_search_title" ON "incident_search" USING gin ("title_vector");--> statement-breakpoint
CREATE INDEX "incident_search_org" ON "incident_search" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "public_incidents_search" ON "public_incidents" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "public_incidents_title_search" ON "public_incidents" USING gin ("title_vector");--> statement-breakpoint
CREATE INDEX "public_incidents_categories" ON "public_incidents" USING gin ("defender_categories");