/** The synthetic incidents of bench/incident-list.ts: one organization's, made by one statement each. */
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client';
import { withoutSecondaryIndexes } from './without-indexes';

/**
 * The violation types and `count` incidents for the organization. Texts come from a few templates
 * with the incident's number in them ("Incident 4242 fine", "Synthetic summary number 4242 about a
 * lawyer", "Town 42"), so a number is a rare word and the template words are common ones.
 * One statement, with the table's secondary indexes made after it (two trigram GIN indexes grown row
 * by row took most of the fill's minutes); the triggers mark every row's search document stale, as a
 * write would.
 */
export async function fillIncidents({ db, driver }: Database, organizationId: string, count: number): Promise<void> {
  await db.execute(sql`INSERT INTO vocabulary_terms (kind, code, labels) VALUES
    ('violation_type', 'judicial_harassment', '{"en":"Judicial harassment"}'),
    ('violation_type', 'arbitrary_detention', '{"en":"Arbitrary detention"}'),
    ('violation_type', 'threats', '{"en":"Threats"}'),
    ('violation_type', 'physical_attack', '{"en":"Physical attack"}')`);
  await db.execute(sql`UPDATE vocabulary_terms SET parent_code = 'judicial_harassment' WHERE code = 'arbitrary_detention'`);
  // Embedded PGlite runs one statement at a time: a second connection would only wait.
  await withoutSecondaryIndexes(db, 'incidents', driver === 'postgres' ? 2 : 1, () => insertIncidents(db, organizationId, count));
  await db.execute(sql`ANALYZE incidents`);
}

async function insertIncidents(db: Db, organizationId: string, count: number): Promise<void> {
  await db.execute(sql`
    INSERT INTO incidents (organization_id, ref, title, summary, start_date, date_precision, country, region,
                           locality, location_precision, violation_types, review_status, version, updated_at)
    SELECT ${organizationId}, 'inc:bench-' || n,
           'Incident ' || n || ' ' || (ARRAY['detention','search','threat','assault','fine'])[1 + n % 5],
           'Synthetic summary number ' || n || ' about a ' || (ARRAY['journalist','lawyer','unionist'])[1 + n % 3],
           date '2000-01-01' + (n % 9000),
           (ARRAY['day','month','year'])[1 + n % 3]::date_precision,
           'KZ', 'Region ' || (n % 17), 'Town ' || (n % 300), 'locality',
           ARRAY[(ARRAY['arbitrary_detention','threats','physical_attack','judicial_harassment'])[1 + n % 4]],
           (ARRAY['draft','submitted','published','approved','changes_requested','archived'])[1 + n % 6]::review_status,
           1, now() - make_interval(secs => n)
    FROM generate_series(1, ${count}) AS n`);
}
