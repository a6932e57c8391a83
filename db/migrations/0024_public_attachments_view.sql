-- The public copies of evidence files, as the public side may see them: only files a reviewer
-- marked public, not deleted, with a derivative made, attached to an incident or a case that is in
-- the public read model, and marked before that record's publication (a file marked later waits
-- for the next publication). Only the derivative's columns: never the original's name, hash or key.
CREATE VIEW "public_attachments" AS
SELECT f.public_id AS id, 'incident'::text AS subject_kind, pi.incident_id AS subject_id, f.public_title AS title,
       f.public_media_type AS media_type, f.public_size AS size, f.public_sha256 AS sha256, f.marked_public_at AS marked_at
FROM evidence_files f
JOIN public_incidents pi ON f.subject_kind = 'incident' AND f.subject_id = pi.incident_id::text
WHERE f.deleted_at IS NULL AND f.public_id IS NOT NULL AND f.public_sha256 IS NOT NULL AND f.marked_public_at <= pi.published_at
UNION ALL
SELECT f.public_id, 'case'::text, pc.case_id, f.public_title, f.public_media_type, f.public_size, f.public_sha256, f.marked_public_at
FROM evidence_files f
JOIN public_cases pc ON f.subject_kind = 'case' AND f.subject_id = pc.case_id::text
WHERE f.deleted_at IS NULL AND f.public_id IS NOT NULL AND f.public_sha256 IS NOT NULL AND f.marked_public_at <= pc.published_at;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hrd_public') THEN
    GRANT SELECT ON "public_attachments" TO hrd_public;
  END IF;
END $$;
