/**
 * The first tables of bench/public-generate.ts: the vocabulary, one organization with its reviewer,
 * numbered persons and sources, and every choice about each incident, made once in a planning
 * table that the workspace rows and the public rows are both built from.
 */
import postgres from 'postgres';
import { categorySlots, firstNames, h, kinds, lastNames, perpetratorSlots, personCount, pick, quote, regionSlots, sourceCount, textArray, typeSlots, vocabulary, type Vocabulary } from './synthetic-values';
import { storedRegion } from '../../common/regions';

export async function seed(client: postgres.Sql): Promise<void> {
  const terms = (kind: string, list: Vocabulary[keyof Vocabulary]) =>
    list.map((t) => `(${quote(kind)}, ${quote(t.code)}, ${t.parent ? quote(t.parent) : 'NULL'}, ${quote(JSON.stringify(t.labels))}::jsonb)`);
  await client.unsafe(`INSERT INTO vocabulary_terms (kind, code, parent_code, labels) VALUES ${[
    ...terms('violation_type', vocabulary.violation_types),
    ...terms('defender_category', vocabulary.defender_categories),
    ...terms('perpetrator_type', vocabulary.perpetrator_types),
  ].join(',')}`);
  await client.unsafe(`INSERT INTO organizations (slug, name) VALUES ('bench', 'Bench Monitoring Centre')`);
  await client.unsafe(`INSERT INTO users (email, name, password_hash) VALUES ('reviewer@bench.invalid', 'Bench Reviewer', 'not-a-hash')`);
  await client.unsafe(`INSERT INTO memberships (user_id, organization_id, role)
    SELECT u.id, o.id, 'reviewer' FROM users u, organizations o`);
  // Persons (one in ten confidential) and sources, numbered so incidents can pick them by number.
  await client.unsafe(`CREATE UNLOGGED TABLE bench_persons AS
    SELECT i AS idx, gen_random_uuid() AS id, 'person:bench-' || i AS ref,
           ${pick(firstNames, 'i', 1)} || ' ' || ${pick(lastNames, 'i', 2)} AS name,
           ${h('i', 3)} % 10 = 0 AS confidential,
           ARRAY(SELECT c FROM unnest(ARRAY[${pick(categorySlots, 'i', 4)},
             CASE WHEN ${h('i', 5)} % 4 = 0 THEN ${pick(categorySlots, 'i', 6)} END]) c WHERE c IS NOT NULL GROUP BY c ORDER BY c COLLATE "C") AS categories
    FROM generate_series(0, ${personCount - 1}) i`);
  await client.unsafe(`ALTER TABLE bench_persons ADD PRIMARY KEY (idx)`);
  await client.unsafe(`INSERT INTO persons (id, organization_id, ref, name, categories, confidential)
    SELECT p.id, o.id, p.ref, p.name, p.categories, p.confidential FROM bench_persons p, organizations o`);
  await client.unsafe(`CREATE UNLOGGED TABLE bench_sources AS
    SELECT i AS idx, gen_random_uuid() AS id, 'src:bench-' || i AS ref, 'Monitoring report no. ' || i AS title,
           ${pick(['Bureau for Human Rights', 'Adil Soz', 'Freedom House', 'Amnesty International', 'OSCE'], 'i', 7)} AS publisher,
           date '2000-01-01' + ${h('i', 8)} % 9000 AS published_on,
           CASE WHEN ${h('i', 9)} % 5 = 0 THEN 'UA KAZ ' || i || '/2017' END AS reference_code,
           'https://example.org/reports/' || i AS url
    FROM generate_series(0, ${sourceCount - 1}) i`);
  await client.unsafe(`ALTER TABLE bench_sources ADD PRIMARY KEY (idx)`);
  await client.unsafe(`INSERT INTO sources (id, organization_id, ref, title, publisher, published_on, reference_code, url, reliability)
    SELECT s.id, o.id, s.ref, s.title, s.publisher, s.published_on, s.reference_code, s.url, 'B' FROM bench_sources s, organizations o`);
}

/** Every choice about incident n, made once: the tables made afterwards all read from here. */
export async function plan(client: postgres.Sql, count: number): Promise<void> {
  const region = `${h('n', 11)} % ${regionSlots.length}`;
  await client.unsafe(`CREATE UNLOGGED TABLE bench_incidents AS
    SELECT n, id, start_date, precision, region, region_name, locality,
           CASE WHEN locality IS NOT NULL THEN round((lat + (${h('n', 14)} % 50) / 100.0)::numeric, 2)::float8 END AS lat,
           CASE WHEN locality IS NOT NULL THEN round((lon + (${h('n', 15)} % 50) / 100.0)::numeric, 2)::float8 END AS lon,
           CASE WHEN locality IS NOT NULL THEN 'locality' WHEN region IS NOT NULL THEN 'region' ELSE 'country' END::location_precision AS location_precision,
           types, person_a, person_b, has_group, perpetrators, source_idx,
           kind || ' in ' || coalesce(locality, region_name, 'Kazakhstan') || ', case ' || n AS title,
           'Synthetic incident ' || n || ': ' || lower(kind) || ' reported by monitors; details withheld in this benchmark.' AS summary,
           timestamptz '2001-01-01' + make_interval(secs => n * 700) AS published_at
    FROM (
      SELECT n, gen_random_uuid() AS id,
             CASE WHEN ${h('n', 12)} % 10 < 7 THEN day WHEN ${h('n', 12)} % 10 < 9 THEN date_trunc('month', day)::date ELSE date_trunc('year', day)::date END AS start_date,
             CASE WHEN ${h('n', 12)} % 10 < 7 THEN 'day' WHEN ${h('n', 12)} % 10 < 9 THEN 'month' ELSE 'year' END::date_precision AS precision,
             -- Stored as the app stores a region of Kazakhstan: its code (KZ-75); named in the title and locality.
             CASE WHEN ${h('n', 13)} % 100 < 3 THEN NULL ELSE (${textArray(regionSlots.map((r) => storedRegion(r.name)!))})[1 + ${region}] END AS region,
             CASE WHEN ${h('n', 13)} % 100 < 3 THEN NULL ELSE (${textArray(regionSlots.map((r) => r.name))})[1 + ${region}] END AS region_name,
             CASE WHEN ${h('n', 13)} % 100 < 3 OR ${h('n', 16)} % 5 = 0 THEN NULL
                  ELSE (${textArray(regionSlots.map((r) => r.name))})[1 + ${region}] || ' town ' || (${h('n', 17)} % 12) END AS locality,
             (ARRAY[${regionSlots.map((r) => r.lat).join(',')}]::float8[])[1 + ${region}] AS lat,
             (ARRAY[${regionSlots.map((r) => r.lon).join(',')}]::float8[])[1 + ${region}] AS lon,
             ARRAY(SELECT t FROM unnest(ARRAY[${pick(typeSlots, 'n', 18)},
               CASE WHEN ${h('n', 19)} % 10 < 3 THEN ${pick(typeSlots, 'n', 20)} END,
               CASE WHEN ${h('n', 19)} % 10 = 0 THEN ${pick(typeSlots, 'n', 21)} END]) t WHERE t IS NOT NULL GROUP BY t ORDER BY t COLLATE "C") AS types,
             ${h('n', 22)} % ${personCount} AS person_a,
             CASE WHEN ${h('n', 23)} % 4 = 0 THEN (${h('n', 22)} + 1 + ${h('n', 24)} % ${personCount - 1}) % ${personCount} END AS person_b,
             ${h('n', 25)} % 10 = 0 AS has_group,
             ARRAY(SELECT t FROM unnest(ARRAY[${pick(perpetratorSlots, 'n', 26)},
               CASE WHEN ${h('n', 27)} % 3 = 0 THEN ${pick(perpetratorSlots, 'n', 28)} END]) t WHERE t IS NOT NULL GROUP BY t ORDER BY t COLLATE "C") AS perpetrators,
             ${h('n', 29)} % ${sourceCount} AS source_idx,
             ${pick(kinds, 'n', 30)} AS kind
      FROM (
        -- Spread over 25 years, more in recent ones (as documentation grows).
        SELECT n, date '2000-01-01' + (sqrt((${h('n', 31)} % 1000000) / 1000000.0) * 9131)::int AS day FROM generate_series(1, ${count}) n
      ) numbered
    ) chosen`);
  await client.unsafe(`ALTER TABLE bench_incidents ADD PRIMARY KEY (n)`);
}
