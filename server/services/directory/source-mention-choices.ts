import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import type { MentionChoice } from '@/common/mention-completion';
import { mentionsIn } from '@/common/mentions';

/**
 * Whom a correction of a source's title may offer after "@": the persons and organizations of the
 * source's organization that are victims of the incidents citing it (the people such a document is
 * about) or already mentioned in its texts (so that they read by name while being corrected), at most 200. The server's own rule is wider (any record of the organization,
 * directory/mentions-check.ts); this is what is worth offering, as the incident form offers its victims.
 */
export async function sourceMentionChoices(db: DbOrTx, source: { id: string; organizationId: string; title: string; publisher: string | null }): Promise<MentionChoice[]> {
  const sourceId = source.id;
  const organizationId = source.organizationId;
  const mentioned = [...mentionsIn(source.title), ...mentionsIn(source.publisher)].map((m) => m.id);
  // An empty IN () is not SQL: a nil id that matches nothing stands in.
  const mentionedIds = sql.join((mentioned.length ? mentioned : ['00000000-0000-0000-0000-000000000000']).map((id) => sql`${id}::uuid`), sql`, `);
  const rows = rowsOf<{ target: 'person' | 'organization'; id: string; label: string }>(
    await db.execute(sql`
      SELECT DISTINCT 'person' AS target, p.id, p.name AS label
        FROM incident_sources l
        JOIN incidents i ON i.id = l.incident_id AND i.deleted_at IS NULL
        JOIN incident_victims v ON v.incident_id = i.id
        JOIN persons p ON p.id = v.person_id
       WHERE l.source_id = ${sourceId} AND p.organization_id = ${organizationId} AND p.merged_into_id IS NULL
      UNION
      SELECT 'person', p.id, p.name FROM persons p WHERE p.id IN (${mentionedIds}) AND p.organization_id = ${organizationId}
      UNION
      SELECT 'organization', o.id, o.name FROM documented_organizations o WHERE o.id IN (${mentionedIds}) AND o.organization_id = ${organizationId}
      UNION
      SELECT DISTINCT 'organization' AS target, o.id, o.name AS label
        FROM incident_sources l
        JOIN incidents i ON i.id = l.incident_id AND i.deleted_at IS NULL
        JOIN incident_victims v ON v.incident_id = i.id
        JOIN documented_organizations o ON o.id = v.documented_organization_id
       WHERE l.source_id = ${sourceId} AND o.organization_id = ${organizationId}
      ORDER BY label
      LIMIT 200`),
  );
  return rows.map((row) => ({ target: row.target, id: row.id, label: row.label }));
}
