CREATE TYPE "public"."case_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('day', 'month', 'year');--> statement-breakpoint
CREATE TYPE "public"."gender" AS ENUM('female', 'male', 'other', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."location_precision" AS ENUM('exact', 'locality', 'region', 'country');--> statement-breakpoint
CREATE TYPE "public"."reliability" AS ENUM('A', 'B', 'C', 'D', 'E', 'F');--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('draft', 'submitted', 'changes_requested', 'approved', 'published', 'archived');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('monitor', 'reviewer', 'admin');--> statement-breakpoint
CREATE TYPE "public"."vocabulary_kind" AS ENUM('violation_type', 'defender_category', 'perpetrator_type');--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"user_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	CONSTRAINT "memberships_user_id_organization_id_pk" PRIMARY KEY("user_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "vocabulary_terms" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "vocabulary_kind" NOT NULL,
	"code" text NOT NULL,
	"parent_code" text,
	"labels" jsonb NOT NULL,
	CONSTRAINT "vocabulary_terms_kind_code" UNIQUE("kind","code")
);
--> statement-breakpoint
CREATE TABLE "documented_organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"name" text NOT NULL,
	"acronym" text,
	"kind" text,
	"country" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documented_organizations_org_ref" UNIQUE("organization_id","ref")
);
--> statement-breakpoint
CREATE TABLE "person_affiliations" (
	"person_id" uuid NOT NULL,
	"documented_organization_id" uuid NOT NULL,
	CONSTRAINT "person_affiliations_person_id_documented_organization_id_pk" PRIMARY KEY("person_id","documented_organization_id")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"name" text NOT NULL,
	"gender" "gender",
	"categories" text[] DEFAULT '{}' NOT NULL,
	"role_note" text,
	"confidential" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_org_ref" UNIQUE("organization_id","ref")
);
--> statement-breakpoint
CREATE TABLE "legal_provisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text DEFAULT '' NOT NULL,
	"article" text NOT NULL,
	"title" text,
	CONSTRAINT "legal_provisions_code_article" UNIQUE("code","article")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"title" text NOT NULL,
	"publisher" text,
	"published_on" date,
	"kind" text,
	"reference_code" text,
	"url" text,
	"reliability" "reliability",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_org_ref" UNIQUE("organization_id","ref")
);
--> statement-breakpoint
CREATE TABLE "incident_legal_provisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"legal_provision_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_perpetrators" (
	"id" serial PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type_code" text NOT NULL,
	"name" text
);
--> statement-breakpoint
CREATE TABLE "incident_sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"source_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"saved_by" uuid,
	"saved_via" text NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_versions_incident_version" UNIQUE("incident_id","version")
);
--> statement-breakpoint
CREATE TABLE "incident_victims" (
	"id" serial PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"person_id" uuid,
	"documented_organization_id" uuid,
	"group_name" text,
	"count" integer,
	"killed" integer,
	"injured" integer,
	"categories" text[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "incident_victims_exactly_one" CHECK (num_nonnulls("incident_victims"."person_id", "incident_victims"."documented_organization_id", "incident_victims"."group_name") = 1)
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"ref" text NOT NULL,
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
	"status" "review_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "incidents_org_ref" UNIQUE("organization_id","ref"),
	CONSTRAINT "incidents_end_after_start" CHECK ("incidents"."end_date" IS NULL OR "incidents"."end_date" >= "incidents"."start_date"),
	CONSTRAINT "incidents_lat_range" CHECK ("incidents"."lat" IS NULL OR ("incidents"."lat" BETWEEN -90 AND 90)),
	CONSTRAINT "incidents_lon_range" CHECK ("incidents"."lon" IS NULL OR ("incidents"."lon" BETWEEN -180 AND 180)),
	CONSTRAINT "incidents_version_positive" CHECK ("incidents"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "case_incidents" (
	"case_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	CONSTRAINT "case_incidents_case_id_incident_id_pk" PRIMARY KEY("case_id","incident_id")
);
--> statement-breakpoint
CREATE TABLE "case_interventions" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"by" text,
	"reference_code" text,
	"summary" text,
	"source_id" uuid
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"status" "case_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_org_ref" UNIQUE("organization_id","ref")
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documented_organizations" ADD CONSTRAINT "documented_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_affiliations" ADD CONSTRAINT "person_affiliations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_affiliations" ADD CONSTRAINT "person_affiliations_documented_organization_id_documented_organizations_id_fk" FOREIGN KEY ("documented_organization_id") REFERENCES "public"."documented_organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_legal_provisions" ADD CONSTRAINT "incident_legal_provisions_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_legal_provisions" ADD CONSTRAINT "incident_legal_provisions_legal_provision_id_legal_provisions_id_fk" FOREIGN KEY ("legal_provision_id") REFERENCES "public"."legal_provisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_perpetrators" ADD CONSTRAINT "incident_perpetrators_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_sources" ADD CONSTRAINT "incident_sources_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_sources" ADD CONSTRAINT "incident_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_versions" ADD CONSTRAINT "incident_versions_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_versions" ADD CONSTRAINT "incident_versions_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_victims" ADD CONSTRAINT "incident_victims_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_victims" ADD CONSTRAINT "incident_victims_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_victims" ADD CONSTRAINT "incident_victims_documented_organization_id_documented_organizations_id_fk" FOREIGN KEY ("documented_organization_id") REFERENCES "public"."documented_organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_incidents" ADD CONSTRAINT "case_incidents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_incidents" ADD CONSTRAINT "case_incidents_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD CONSTRAINT "case_interventions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD CONSTRAINT "case_interventions_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "persons_org_name" ON "persons" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "incident_legal_provisions_incident" ON "incident_legal_provisions" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_perpetrators_incident" ON "incident_perpetrators" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_sources_incident" ON "incident_sources" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_victims_incident" ON "incident_victims" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_victims_person" ON "incident_victims" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "incidents_org_start" ON "incidents" USING btree ("organization_id","start_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_org_updated" ON "incidents" USING btree ("organization_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_org_status_start" ON "incidents" USING btree ("organization_id","status","start_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_org_region" ON "incidents" USING btree ("organization_id","region");--> statement-breakpoint
CREATE INDEX "incidents_violation_types" ON "incidents" USING gin ("violation_types");--> statement-breakpoint
CREATE INDEX "case_incidents_incident" ON "case_incidents" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "case_interventions_case" ON "case_interventions" USING btree ("case_id");