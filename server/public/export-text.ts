import 'server-only';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { publicIncidents as p } from '@/db/schema/public';
import { kazakhstanRegions } from '@/common/regions';
import type { PublicVocabulary } from './vocabulary';

/**
 * The exports' lines written by PostgreSQL: each incident's CSV line or exchange JSON object comes
 * over the wire as one text. Handing a row's twenty parsed columns (three arrays, four jsonb values,
 * dates) to JavaScript and writing them out again took most of an export's time; one text per row
 * reads about four times faster (issue 15). The rules are the ones of ./export-csv.ts (csvCell) and
 * ./export-json.ts (exchangeIncident), which stay the reference: tests/integration/public-export-text.test.ts
 * compares the two on awkward values.
 */

/** What an export selects for each incident, and from what (public_incidents and what its lines need). */
export type ExportSelect = { select: SQL; from: SQL };

/** Labels for codes, in the export's language, as one jsonb parameter: { kind: { code: label } }. */
export function labelsOf(vocabulary: PublicVocabulary): string {
  const labels: Record<string, Record<string, string>> = { violation_type: {}, defender_category: {}, perpetrator_type: {}, region: {} };
  for (const term of vocabulary.terms) if (labels[term.kind]) labels[term.kind]![term.code] = vocabulary.label(term.kind, term.code);
  // Any other stored region is text as written, as vocabulary.region answers it.
  for (const { code } of kazakhstanRegions) labels.region![code] = vocabulary.region(code);
  return JSON.stringify(labels);
}

/** JavaScript's \s, which csvCell's formula rule uses (spreadsheets skip leading spaces). */
const space = String.raw`\t\n\u000b\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;
const formula = String.raw`^([\t\r]|[${space}]*[-=+@])`;

/** csvCell of a text: '' for null, a leading quote on a formula, quoted when it holds a comma, quote or line break. */
function csvText(value: SQL): SQL {
  const safe = sql`CASE WHEN ${value} ~ ${formula} THEN '''' || ${value} ELSE ${value} END`;
  return sql`CASE WHEN ${value} IS NULL THEN '' WHEN ${value} ~ '[",\r\n]' THEN '"' || replace(${safe}, '"', '""') || '"' ELSE ${safe} END`;
}

/** A double as JavaScript's String(): the shortest text that reads back the same (extra_float_digits ≥ 1), and -0 as 0. */
function numberText(value: SQL): SQL {
  return sql`CASE WHEN ${value} = 0 THEN '0' ELSE ${value}::text END`;
}

/** A text array's codes labelled and joined with '; ', in their order. */
function labelled(column: SQLWrapper, labels: SQL): SQL {
  return sql`(SELECT string_agg(coalesce(${labels}->>c, c), '; ') FROM unnest(${column}) AS u(c))`;
}

/**
 * One CSV line per incident (the columns of export-csv.ts's csvColumns, CRLF-ended). The texts that
 * need a subquery are made once in a lateral subquery, then written as cells.
 */
export function csvLineSelect(labels: string): ExportSelect {
  const texts = sql`LATERAL (SELECT
      ${labelled(p.violationTypes, sql`labels.violation_type`)} AS violation_types,
      ${labelled(p.defenderCategories, sql`labels.defender_category`)} AS defender_categories,
      ${labelled(p.perpetratorTypes, sql`labels.perpetrator_type`)} AS perpetrator_types,
      (SELECT string_agg(coalesce(v->>'name', ''), '; ') FROM jsonb_array_elements(${p.victims}) AS e(v)) AS victims,
      (SELECT string_agg(concat_ws(': ', nullif(coalesce(labels.perpetrator_type->>(x->>'type'), x->>'type'), ''), nullif(x->>'name', '')), '; ')
         FROM jsonb_array_elements(${p.perpetrators}) AS e(x)) AS perpetrators,
      (SELECT string_agg(concat_ws(', ', nullif(s->>'title', ''), nullif(s->>'publisher', ''), nullif(s->>'publishedOn', ''), nullif(s->>'url', '')), '; ')
         FROM jsonb_array_elements(${p.sources}) AS e(s)) AS sources,
      CASE WHEN ${p.region} = '' THEN '' ELSE coalesce(labels.region->>${p.region}, ${p.region}) END AS region_name
      OFFSET 0 -- made once per row: unflattened, each reference of a column would run its subquery again
    ) AS t`;
  const cells = [
    sql`${p.incidentId}::text`,
    csvText(sql`${p.title}`),
    csvText(sql`${p.summary}`),
    sql`coalesce(to_char(${p.startDate}, 'YYYY-MM-DD'), '')`,
    sql`coalesce(to_char(${p.endDate}, 'YYYY-MM-DD'), '')`,
    csvText(sql`${p.datePrecision}::text`),
    csvText(sql`${p.country}`),
    csvText(sql`${p.region}`),
    csvText(sql`t.region_name`),
    csvText(sql`${p.locality}`),
    sql`coalesce(${numberText(sql`${p.lat}`)}, '')`,
    sql`coalesce(${numberText(sql`${p.lon}`)}, '')`,
    csvText(sql`${p.locationPrecision}::text`),
    csvText(sql`t.violation_types`),
    csvText(sql`t.defender_categories`),
    csvText(sql`t.perpetrator_types`),
    csvText(sql`t.victims`),
    csvText(sql`t.perpetrators`),
    csvText(sql`t.sources`),
    csvText(sql`${p.publisher}`),
    sql`to_char(${p.publishedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  ];
  return {
    select: sql`${sql.join(cells, sql` || ',' || `)} || E'\r\n'`,
    // Each kind's labels taken out of the parameter once per export, not once per code.
    from: sql`${p} CROSS JOIN (SELECT m->'violation_type' AS violation_type, m->'defender_category' AS defender_category,
        m->'perpetrator_type' AS perpetrator_type, m->'region' AS region FROM (SELECT ${labels}::jsonb AS m) AS m) AS labels CROSS JOIN ${texts}`,
  };
}

/** A value as JSON.stringify writes it: a text as a JSON string (the same escapes), null as null. */
const json = (value: SQL): SQL => sql`coalesce(to_json(${value})::text, 'null')`;
/** A jsonb value as JSON text: compact for a scalar, as JSON.stringify(JSON.parse(text)) writes it. */
const jsonbScalar = (value: SQL): SQL => sql`coalesce((${value})::text, 'null')`;
/** A jsonb array of texts, compact. */
const textArray = (value: SQL): SQL => sql`array_to_json(ARRAY(SELECT jsonb_array_elements_text(${value})))::text`;
/** The first 20 hex digits of the SHA-256 of a JSON text (export-json.ts's digest of its parts). */
const digest = (parts: SQL): SQL => sql`substr(encode(sha256(convert_to(${parts}, 'UTF8')), 'hex'), 1, 20)`;
/** `"key":value` when the jsonb object has the key (JSON.stringify leaves out what JSON.parse never made). */
const member = (object: SQL, key: string, value: SQL): SQL => sql`CASE WHEN ${object} ? ${key} THEN ${`"${key}":`} || ${value} END`;

/**
 * Each incident's object of the exchange format as export-json.ts's exchangeIncident writes it,
 * without its closing brace: the attachments, read by incident in batches, come after.
 */
export function exchangeIncidentSelect(): ExportSelect {
  const groupVictim = sql`'{' || concat_ws(',',
      CASE WHEN v ? 'name' THEN '"group":' || (v->'name')::text END,
      ${member(sql`v`, 'count', sql`(v->'count')::text`)},
      ${member(sql`v`, 'killed', sql`(v->'killed')::text`)},
      ${member(sql`v`, 'injured', sql`(v->'injured')::text`)},
      ${member(sql`v`, 'categories', textArray(sql`v->'categories'`))}) || '}'`;
  const victimObject = sql`CASE v->>'kind'
      WHEN 'person' THEN '{"person":' || to_json(CASE WHEN v->'protected' = 'true'::jsonb
          THEN 'person:protected-' || ${p.incidentId} || '-' || protected_index
          ELSE 'person:' || ${digest(sql`'["person",' || ${jsonbScalar(sql`v->'name'`)} || ']'`)} END)::text
        || coalesce(',' || ${member(sql`v`, 'categories', textArray(sql`v->'categories'`))}, '') || '}'
      WHEN 'organization' THEN '{"organization":"org:' || ${digest(sql`'["organization",' || ${jsonbScalar(sql`v->'name'`)} || ']'`)} || '"}'
      ELSE ${groupVictim} END`;
  const texts = sql`LATERAL (SELECT
      (SELECT '[' || coalesce(string_agg(${victimObject}, ',' ORDER BY o), '') || ']'
         FROM (SELECT v, o, count(*) FILTER (WHERE v->>'kind' = 'person' AND v->'protected' = 'true'::jsonb) OVER (ORDER BY o) AS protected_index
               FROM jsonb_array_elements(${p.victims}) WITH ORDINALITY AS e(v, o)) AS victims) AS victims,
      (SELECT '[' || coalesce(string_agg('{' || concat_ws(',', ${member(sql`x`, 'type', sql`(x->'type')::text`)}, ${member(sql`x`, 'name', sql`(x->'name')::text`)}) || '}', ',' ORDER BY o), '') || ']'
         FROM jsonb_array_elements(${p.perpetrators}) WITH ORDINALITY AS e(x, o)) AS perpetrators,
      (SELECT '[' || coalesce(string_agg(
           (SELECT '{' || coalesce(string_agg(to_json(k)::text || ':' || value::text, ',' ORDER BY n), '') || '}' FROM jsonb_each(l) WITH ORDINALITY AS kv(k, value, n)),
           ',' ORDER BY o), '') || ']'
         FROM jsonb_array_elements(${p.legal}) WITH ORDINALITY AS e(l, o)) AS legal,
      (SELECT '[' || coalesce(string_agg('"source:' || ${digest(
        sql`'[' || ${jsonbScalar(sql`s->'title'`)} || ',' || ${jsonbScalar(sql`s->'publisher'`)} || ',' || ${jsonbScalar(sql`s->'publishedOn'`)} || ',' || ${jsonbScalar(sql`s->'referenceCode'`)} || ',' || ${jsonbScalar(sql`s->'url'`)} || ']'`,
      )} || '"', ',' ORDER BY o), '') || ']'
         FROM jsonb_array_elements(${p.sources}) WITH ORDINALITY AS e(s, o)) AS sources
      OFFSET 0 -- made once per row: unflattened, each reference of a column would run its subquery again
    ) AS t`;
  const select = sql`'{"ref":"inc:' || ${p.incidentId} || '","title":' || ${json(sql`${p.title}`)} || ',"summary":' || ${json(sql`${p.summary}`)}
    || ',"date":{"start":' || ${json(sql`to_char(${p.startDate}, 'YYYY-MM-DD')`)} || ',"end":' || ${json(sql`to_char(${p.endDate}, 'YYYY-MM-DD')`)} || ',"precision":' || ${json(sql`${p.datePrecision}::text`)}
    || '},"location":{"country":' || ${json(sql`${p.country}`)} || ',"region":' || ${json(sql`${p.region}`)} || ',"locality":' || ${json(sql`${p.locality}`)}
    || ',"lat":' || coalesce(${numberText(sql`${p.lat}`)}, 'null') || ',"lon":' || coalesce(${numberText(sql`${p.lon}`)}, 'null') || ',"precision":' || ${json(sql`${p.locationPrecision}::text`)}
    || '},"violation_types":' || array_to_json(${p.violationTypes})::text
    || ',"victims":' || t.victims || ',"perpetrators":' || t.perpetrators || ',"legal":' || t.legal || ',"sources":' || t.sources || ',"status":"published"'`;
  return { select, from: sql`${p} CROSS JOIN ${texts}` };
}
