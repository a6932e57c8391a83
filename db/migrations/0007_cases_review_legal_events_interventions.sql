CREATE TYPE "public"."legal_event_kind" AS ENUM('charges', 'detention', 'hearing', 'verdict', 'sentence', 'appeal', 'appeal_decision', 'release', 'other');--> statement-breakpoint
CREATE TABLE "case_legal_event_provisions" (
	"legal_event_id" integer NOT NULL,
	"legal_provision_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "case_legal_event_provisions_legal_event_id_legal_provision_id_pk" PRIMARY KEY("legal_event_id","legal_provision_id")
);
--> statement-breakpoint
CREATE TABLE "case_legal_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"ref" text,
	"person_id" uuid,
	"kind" "legal_event_kind" NOT NULL,
	"date" date,
	"date_precision" date_precision DEFAULT 'day' NOT NULL,
	"court" text,
	"summary" text,
	"outcome" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "case_legal_events_case_ref" UNIQUE("case_id","ref"),
	CONSTRAINT "case_legal_events_version_positive" CHECK ("case_legal_events"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "case_persons" (
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"role" text,
	CONSTRAINT "case_persons_case_id_person_id_pk" PRIMARY KEY("case_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "case_reviews" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"decision" "review_decision" NOT NULL,
	"decided_by" uuid NOT NULL,
	"comment" text,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"saved_by" uuid,
	"saved_via" text NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_versions_case_version" UNIQUE("case_id","version")
);
--> statement-breakpoint
ALTER TABLE "case_incidents" ADD COLUMN "linked_by" uuid;--> statement-breakpoint
ALTER TABLE "case_incidents" ADD COLUMN "linked_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD COLUMN "ref" text;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD COLUMN "date_precision" date_precision DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD COLUMN "reply_due_on" date;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD COLUMN "reply_received_on" date;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD COLUMN "deleted_by" uuid;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "review_status" "review_status" DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "published_version" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "deleted_by" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_legal_event_provisions" ADD CONSTRAINT "case_legal_event_provisions_legal_event_id_case_legal_events_id_fk" FOREIGN KEY ("legal_event_id") REFERENCES "public"."case_legal_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_legal_event_provisions" ADD CONSTRAINT "case_legal_event_provisions_legal_provision_id_legal_provisions_id_fk" FOREIGN KEY ("legal_provision_id") REFERENCES "public"."legal_provisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_legal_events" ADD CONSTRAINT "case_legal_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_legal_events" ADD CONSTRAINT "case_legal_events_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_legal_events" ADD CONSTRAINT "case_legal_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_legal_events" ADD CONSTRAINT "case_legal_events_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_legal_events" ADD CONSTRAINT "case_legal_events_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_persons" ADD CONSTRAINT "case_persons_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_persons" ADD CONSTRAINT "case_persons_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_versions" ADD CONSTRAINT "case_versions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_versions" ADD CONSTRAINT "case_versions_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_legal_events_case" ON "case_legal_events" USING btree ("case_id","date");--> statement-breakpoint
CREATE INDEX "case_persons_person" ON "case_persons" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "case_reviews_case" ON "case_reviews" USING btree ("case_id","id");--> statement-breakpoint
ALTER TABLE "case_incidents" ADD CONSTRAINT "case_incidents_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD CONSTRAINT "case_interventions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD CONSTRAINT "case_interventions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD CONSTRAINT "case_interventions_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_interventions_awaiting" ON "case_interventions" USING btree ("reply_due_on") WHERE "case_interventions"."reply_due_on" IS NOT NULL AND "case_interventions"."reply_received_on" IS NULL AND "case_interventions"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "cases_org_updated_id" ON "cases" USING btree ("organization_id","updated_at","id");--> statement-breakpoint
ALTER TABLE "case_interventions" ADD CONSTRAINT "case_interventions_case_ref" UNIQUE("case_id","ref");--> statement-breakpoint
ALTER TABLE "case_interventions" ADD CONSTRAINT "case_interventions_version_positive" CHECK ("case_interventions"."version" >= 1);--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_version_positive" CHECK ("cases"."version" >= 1);