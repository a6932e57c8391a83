ALTER TABLE "incident_comments" RENAME TO "comments";--> statement-breakpoint
ALTER TABLE "incidents" RENAME COLUMN "status" TO "review_status";--> statement-breakpoint
ALTER TABLE "comments" DROP CONSTRAINT "incident_comments_one_subject";--> statement-breakpoint
ALTER TABLE "comments" DROP CONSTRAINT "incident_comments_incident_id_incidents_id_fk";
--> statement-breakpoint
ALTER TABLE "comments" DROP CONSTRAINT "incident_comments_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "comments" DROP CONSTRAINT "incident_comments_parent_id_incident_comments_id_fk";
--> statement-breakpoint
ALTER TABLE "comments" DROP CONSTRAINT "incident_comments_author_id_users_id_fk";
--> statement-breakpoint
DROP INDEX "incident_comments_incident";--> statement-breakpoint
DROP INDEX "incident_comments_case";--> statement-breakpoint
DROP INDEX "incidents_org_status_start_id";--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "subject_kind" text GENERATED ALWAYS AS (CASE WHEN incident_id IS NOT NULL THEN 'incident' ELSE 'case' END) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "subject_kind" text GENERATED ALWAYS AS (CASE WHEN incident_id IS NOT NULL THEN 'incident' ELSE 'case' END) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comments_incident" ON "comments" USING btree ("incident_id","id");--> statement-breakpoint
CREATE INDEX "comments_case" ON "comments" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "incidents_org_status_start_id" ON "incidents" USING btree ("organization_id","review_status","start_date","id");--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_one_subject" CHECK (num_nonnulls("comments"."incident_id", "comments"."case_id") = 1);