CREATE TYPE "public"."evidence_subject" AS ENUM('incident', 'source', 'case', 'legal_event');--> statement-breakpoint
CREATE TABLE "evidence_file_shares" (
	"file_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"shared_by" uuid,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_file_shares_file_id_organization_id_pk" PRIMARY KEY("file_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"subject_kind" "evidence_subject" NOT NULL,
	"subject_id" text NOT NULL,
	"title" text NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"wrapped_key" text NOT NULL,
	"key_version" integer NOT NULL,
	"captured_at" timestamp with time zone,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"marked_public_by" uuid,
	"marked_public_at" timestamp with time zone,
	"redactions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"public_id" uuid,
	"public_title" text,
	"public_media_type" text,
	"public_size" bigint,
	"public_sha256" text,
	"deleted_by" uuid,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "evidence_files_public_id_unique" UNIQUE("public_id"),
	CONSTRAINT "evidence_files_sha256_hex" CHECK ("evidence_files"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "evidence_files_size_positive" CHECK ("evidence_files"."size" >= 0)
);
--> statement-breakpoint
CREATE TABLE "organization_file_keys" (
	"organization_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"wrapped_key" text NOT NULL,
	"master_key_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_file_keys_organization_id_version_pk" PRIMARY KEY("organization_id","version")
);
--> statement-breakpoint
ALTER TABLE "evidence_file_shares" ADD CONSTRAINT "evidence_file_shares_file_id_evidence_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."evidence_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_file_shares" ADD CONSTRAINT "evidence_file_shares_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_file_shares" ADD CONSTRAINT "evidence_file_shares_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_marked_public_by_users_id_fk" FOREIGN KEY ("marked_public_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_file_keys" ADD CONSTRAINT "organization_file_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_files_subject" ON "evidence_files" USING btree ("subject_kind","subject_id");--> statement-breakpoint
CREATE INDEX "evidence_files_org" ON "evidence_files" USING btree ("organization_id","uploaded_at");