-- A public copy is shown once the version of its record that the public reads now was published
-- after the copy was marked (or last changed: marking again, with another title or other black
-- boxes, sets marked_public_at anew). 0024 compared with published_at, which is the FIRST
-- publication (kept through later ones): a copy marked or changed after it stayed hidden for good,
-- however often the record was published again. updated_at is when the current public version was
-- published (services/publishing/publication-dates.ts), so such a copy waits for the next
-- publication, and only for it. The columns are those of 0024, in the same order.
CREATE OR REPLACE VIEW "public_attachments" AS
SELECT f.public_id AS id, 'incident'::text AS subject_kind, pi.incident_id AS subject_id, f.public_title AS title,
       f.public_media_type AS media_type, f.public_size AS size, f.public_sha256 AS sha256, f.marked_public_at AS marked_at
FROM evidence_files f
JOIN public_incidents pi ON f.subject_kind = 'incident' AND f.subject_id = pi.incident_id::text
WHERE f.deleted_at IS NULL AND f.public_id IS NOT NULL AND f.public_sha256 IS NOT NULL AND f.marked_public_at <= pi.updated_at
UNION ALL
SELECT f.public_id, 'case'::text, pc.case_id, f.public_title, f.public_media_type, f.public_size, f.public_sha256, f.marked_public_at
FROM evidence_files f
JOIN public_cases pc ON f.subject_kind = 'case' AND f.subject_id = pc.case_id::text
WHERE f.deleted_at IS NULL AND f.public_id IS NOT NULL AND f.public_sha256 IS NOT NULL AND f.marked_public_at <= pc.updated_at;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hrd_public') THEN
    GRANT SELECT ON "public_attachments" TO hrd_public;
  END IF;
END $$;
