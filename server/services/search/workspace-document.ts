import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { incidents } from '@/db/schema';
import { documentKeys } from '@/server/text-search/words';
import { regionSearchNames } from '@/common/regions';
import { withMentionsNamed } from '../directory/workspace-mentions';

/**
 * The workspace search document of incidents: every text a member of the owning organization reads
 * on the incident (title; summary and places; victims by name, aliases and acronym, groups;
 * perpetrators; sources by title, publisher and reference code; legal provisions), read in one
 * statement and folded here. Mentions are written as members read them, by the current name (a
 * snippet cut from the stored token would show a person's id, and the name would not be found);
 * a rename marks the incident stale, as mentions name only the incident's victims.
 */

export type IncidentDocument = { incidentId: string; organizationId: string; title: string; titleKeys: string; text: string; keys: string };

const lines = (parts: ReturnType<typeof sql>[]) => sql.join(parts, sql`, `);

export async function incidentDocuments(db: DbOrTx, ids: string[]): Promise<IncidentDocument[]> {
  if (!ids.length) return [];
  const rows = rowsOf<{ id: string; organization_id: string; title: string; region: string | null; text: string | null }>(
    await db.execute(sql`
      SELECT i.id, i.organization_id, i.title, i.region, concat_ws(E'\n', ${lines([
        sql`i.summary`,
        sql`i.locality`,
        sql`(SELECT string_agg(concat_ws(' ', p.name, array_to_string(p.aliases, ' '), o.name, o.acronym, array_to_string(o.aliases, ' '), v.group_name), E'\n')
             FROM incident_victims v LEFT JOIN persons p ON p.id = v.person_id LEFT JOIN documented_organizations o ON o.id = v.documented_organization_id
             WHERE v.incident_id = i.id)`,
        sql`(SELECT string_agg(pp.name, E'\n') FROM incident_perpetrators pp WHERE pp.incident_id = i.id)`,
        sql`(SELECT string_agg(concat_ws(' ', s.title, s.publisher, s.reference_code), E'\n')
             FROM incident_sources x JOIN sources s ON s.id = x.source_id WHERE x.incident_id = i.id)`,
        sql`(SELECT string_agg(concat_ws(' ', l.code, l.article, l.title), E'\n')
             FROM incident_legal_provisions x JOIN legal_provisions l ON l.id = x.legal_provision_id WHERE x.incident_id = i.id)`,
      ])}) AS text
      FROM ${incidents} i WHERE ${inArray(sql`i.id`, ids)}`),
  );
  const documents: IncidentDocument[] = [];
  // Each organization's mentions resolve among its own records only.
  for (const organizationId of new Set(rows.map((row) => row.organization_id))) {
    const named = await withMentionsNamed(db, [organizationId], rows.filter((row) => row.organization_id === organizationId));
    for (const row of named) {
      // The region by its name in every language (it is stored as a code).
      const text = [row.text ?? '', ...regionSearchNames(row.region)].filter(Boolean).join('\n');
      documents.push({ incidentId: row.id, organizationId: row.organization_id, title: row.title, titleKeys: documentKeys(row.title), text, keys: documentKeys(text) });
    }
  }
  return documents;
}
