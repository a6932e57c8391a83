DROP INDEX "incidents_org_start";--> statement-breakpoint
DROP INDEX "incidents_org_updated";--> statement-breakpoint
DROP INDEX "incidents_org_status_start";--> statement-breakpoint
CREATE INDEX "incidents_org_start_id" ON "incidents" USING btree ("organization_id","start_date","id");--> statement-breakpoint
CREATE INDEX "incidents_org_updated_id" ON "incidents" USING btree ("organization_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "incidents_org_status_start_id" ON "incidents" USING btree ("organization_id","status","start_date","id");