ALTER TABLE "documented_organizations" ADD COLUMN "aliases" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "aliases" text[] DEFAULT '{}' NOT NULL;