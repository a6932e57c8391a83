ALTER TABLE "evidence_files" ADD COLUMN "public_id" uuid;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "public_title" text;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "public_media_type" text;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "public_size" bigint;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "public_sha256" text;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_public_id_unique" UNIQUE("public_id");