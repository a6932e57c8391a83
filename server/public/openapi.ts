import 'server-only';
import { openDataLicence } from './licence';
import { groupings } from './stats';

/** The open-data API described for machines (OpenAPI 3.1), served at /api/public/v1/openapi.json. */

const filterParameters = [
  { name: 'from', description: 'Incidents that may have happened on or after this date: YYYY, YYYY-MM or YYYY-MM-DD. An incident known only to the month or year matches when its period overlaps.', schema: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } },
  { name: 'to', description: 'Incidents that may have happened on or before this date (same forms as `from`).', schema: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } },
  { name: 'type', description: 'Violation type code; a broader type includes its narrower types.', schema: { type: 'string' } },
  {
    name: 'region',
    description:
      'Region of Kazakhstan as its ISO 3166-2:KZ code (KZ-35 Karaganda Region, KZ-75 Almaty; KZ-YUZ for South Kazakhstan Region, which the data keeps for incidents recorded there before its division in 2018). Any name of a region in English, Russian or Kazakh ("Karaganda Region", "Карагандинская область", "Almaty") is read as its code, so addresses written with the English names still work. A region outside the list is matched exactly as written.',
    schema: { type: 'string', maxLength: 200 },
  },
  { name: 'category', description: 'Defender category code of a victim.', schema: { type: 'string' } },
  { name: 'perpetrator', description: 'Perpetrator type code.', schema: { type: 'string' } },
  { name: 'q', description: 'Words in the title, summary, region or locality.', schema: { type: 'string', maxLength: 200 } },
  { name: 'lang', description: 'Language of vocabulary labels and region names.', schema: { type: 'string', enum: ['en', 'ru', 'kk'], default: 'en' } },
].map((parameter) => ({ in: 'query', required: false, ...parameter }));

const filterRefs = filterParameters.map((parameter) => ({ $ref: `#/components/parameters/${parameter.name}` }));
const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const errors = {
  '400': { description: 'A parameter is unknown, repeated or malformed.', content: json(schemaRef('Error')) },
  '429': { description: 'Too many requests from this address; see Retry-After.', headers: { 'Retry-After': { schema: { type: 'integer' } } }, content: json(schemaRef('Error')) },
};
const idParameter = { in: 'path', name: 'id', required: true, schema: { type: 'string', format: 'uuid' } };
const groupByParameter = { in: 'query', name: 'groupBy', required: true, schema: { type: 'string', enum: groupings } };
const pageParameters = [
  { in: 'query', name: 'cursor', required: false, description: 'The `nextCursor` of the previous page.', schema: { type: 'string' } },
  { in: 'query', name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } },
];
const term = { type: 'object', required: ['code', 'label'], properties: { code: { type: 'string' }, label: { type: 'string' } } };
const nullableString = { type: ['string', 'null'] };
// The same rule for incidents and cases (server/services/publishing/publication-dates.ts).
const publishedAt = { type: 'string', format: 'date-time', description: 'When the record was first published; kept when it is published again, also after a retraction.' };
const updatedAt = { type: 'string', format: 'date-time', description: 'When the version shown was published (the latest publication); equal to publishedAt until the record is published again.' };
// What every published record (incident, case) starts and ends with.
const recordHead = { id: { type: 'string', format: 'uuid' }, title: { type: 'string' }, summary: nullableString };
const recordTail = { publisher: { type: 'string' }, publishedAt, updatedAt };

/** The answers of a listing: a page of `schema` records under `key`, and where the next page starts. */
function pageResponses(key: string, schema: string, description: string) {
  const page = { type: 'object', required: [key, 'nextCursor', 'limit'], properties: { [key]: { type: 'array', items: schemaRef(schema) }, nextCursor: nullableString, limit: { type: 'integer' } } };
  return { '200': { description, content: json(page) }, ...errors };
}

/** The answers for one record by id: the record, or 404 when no published one has it. */
function recordResponses(schema: string, description: string, missing: string) {
  return { '200': { description, content: json(schemaRef(schema)) }, '404': { description: missing, content: json(schemaRef('Error')) }, ...errors };
}

export function openApiDocument(origin: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'HRD Monitor open data',
      version: '1',
      license: { name: openDataLicence.name, identifier: openDataLicence.identifier, url: openDataLicence.url },
      description:
        'Published incidents of attacks on human rights defenders, and the published cases that follow them, redacted: protected persons appear only as "Protected person N", coordinates are no finer than what is known. No sign-in. Answers may be cached for 60 seconds. Rate limited per address. Every record carries two dates: `publishedAt`, its first publication (kept when it is published again), and `updatedAt`, the publication of the version shown (the latest).',
    },
    servers: [{ url: `${origin}/api/public/v1` }],
    paths: {
      '/incidents': {
        get: {
          summary: 'Published incidents, newest first, a page at a time',
          parameters: [...filterRefs, ...pageParameters],
          responses: pageResponses('incidents', 'Incident', 'A page of incidents.'),
        },
      },
      '/incidents/{id}': {
        get: {
          summary: 'One published incident',
          parameters: [idParameter, filterRefs.at(-1)],
          responses: recordResponses('Incident', 'The incident.', 'No published incident has this id.'),
        },
      },
      '/stats': {
        get: {
          summary: 'Counts of published incidents by one dimension',
          description:
            '`count` counts incidents: one with two violation types counts once under each, and once under a broader type. `total` counts each incident once. An incident known only to the year never counts in a month; `unknownMonth` (groupBy=month) says how many.',
          parameters: [groupByParameter, ...filterRefs],
          responses: {
            '200': {
              description: 'The counts.',
              content: json({
                type: 'object',
                required: ['groupBy', 'total', 'counts'],
                properties: {
                  groupBy: { type: 'string', enum: groupings },
                  total: { type: 'integer' },
                  unknownMonth: { type: 'integer' },
                  counts: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['key', 'label', 'count'],
                      properties: { key: nullableString, label: { type: 'string' }, count: { type: 'integer' }, parent: nullableString },
                    },
                  },
                },
              }),
            },
            ...errors,
          },
        },
      },
      '/stats.csv': {
        get: {
          summary: 'The counts of /stats as CSV: the figures of one dashboard chart',
          description:
            'Columns `key,label,count`: one row per value, in the order of /stats (`key` is empty for "Not recorded"), then a row without a key for the total (each incident counted once) and, for groupBy=month, one for the incidents known only to the year. Text cells that a spreadsheet would read as formulas start with a single quote; numbers are left as they are.',
          parameters: [groupByParameter, ...filterRefs],
          responses: { '200': { description: 'CSV with a header row.', content: { 'text/csv': { schema: { type: 'string' } } } }, ...errors },
        },
      },
      '/export.json': {
        get: {
          summary: 'Every matching published incident in the exchange format (exchange/schema.json), with the persons, organizations and sources they reference',
          description: 'An incident\'s `location.region` is the ISO 3166-2:KZ code of its region (or a region outside the list as written; see the `region` parameter). An incident with public copies of evidence files lists them in `attachments` (sha256, size and media_type of the copy, its title and `url`, `confidential: false`), as the single-incident answer does (see Attachments).',
          parameters: filterRefs.slice(0, -1),
          responses: { '200': { description: 'An exchange document (streamed).', content: json({ type: 'object' }) }, ...errors },
        },
      },
      '/export.csv': {
        get: {
          summary: 'Every matching published incident, one CSV row each (text cells that a spreadsheet would read as formulas start with a single quote; numbers are left as they are)',
          description: '`region` holds the ISO 3166-2:KZ code (or a region outside the list as written) and `region_name` its name; `region_name` and the vocabulary columns are in the language of `lang`.',
          parameters: filterRefs,
          responses: { '200': { description: 'CSV with a header row (streamed).', content: { 'text/csv': { schema: { type: 'string' } } } }, ...errors },
        },
      },
      '/cases': {
        get: {
          summary: 'Published cases (incidents about the same people or proceedings, with legal events and interventions), latest published first',
          description: 'The incident filters do not apply to cases; any parameter other than these is refused with 400.',
          parameters: [
            { in: 'query', name: 'q', required: false, description: 'Words in the title, the summary, the name of a person concerned or the title of one of its published incidents.', schema: { type: 'string', maxLength: 200 } },
            ...pageParameters,
          ],
          responses: pageResponses('cases', 'CaseSummary', 'A page of cases.'),
        },
      },
      '/cases/{id}': {
        get: {
          summary: 'One published case with its timeline: its published incidents, legal events and interventions in date order',
          parameters: [idParameter],
          responses: recordResponses('Case', 'The case.', 'No published case has this id.'),
        },
      },
      '/openapi.json': { get: { summary: 'This description', responses: { '200': { description: 'OpenAPI 3.1 document.' } } } },
    },
    components: {
      parameters: Object.fromEntries(filterParameters.map((parameter) => [parameter.name, parameter])),
      schemas: {
        Attachments: {
          type: 'array',
          description: 'Public copies of the evidence files a reviewer published with the record: images re-encoded without EXIF, XMP, IPTC or GPS (with regions blacked out), PDFs without their document metadata. Only for a single incident or case.',
          items: {
            type: 'object',
            required: ['title', 'media_type', 'size', 'sha256', 'url'],
            properties: {
              title: { type: 'string' },
              media_type: { type: 'string' },
              size: { type: 'integer' },
              sha256: { type: 'string', description: 'SHA-256 of the public copy (not of the original).' },
              url: { type: 'string', description: 'Where the copy is served (same site): inline for images, as a download otherwise.' },
            },
          },
        },
        Error: { type: 'object', required: ['error', 'message'], properties: { error: { type: 'string' }, message: { type: 'string' }, problems: { type: 'array', items: { type: 'string' } } } },
        CaseSummary: {
          type: 'object',
          properties: {
            ...recordHead,
            status: { enum: ['open', 'closed'] },
            incidents: { type: 'integer', description: 'How many of its incidents are published.' },
            ...recordTail,
          },
        },
        Case: {
          type: 'object',
          properties: {
            ...recordHead,
            status: { enum: ['open', 'closed'] },
            persons: {
              type: 'array',
              items: { type: 'object', properties: { name: { type: 'string', description: 'Protected persons appear as "Protected person N".' }, protected: { type: 'boolean' }, role: nullableString } },
            },
            timeline: {
              type: 'array',
              description: 'In date order; steps of unknown date last.',
              items: {
                type: 'object',
                required: ['kind', 'date', 'datePrecision'],
                properties: {
                  kind: { enum: ['incident', 'legal_event', 'intervention'] },
                  date: nullableString,
                  datePrecision: { enum: ['day', 'month', 'year'] },
                  incident: { type: 'object', description: 'For kind=incident: its id and title (see /incidents/{id}).' },
                  legalEvent: { type: 'object', description: 'For kind=legal_event: kind, person, court, summary, outcome, provisions of law.' },
                  intervention: { type: 'object', description: 'For kind=intervention: kind, by, reference code, summary, and its source cited like an incident\'s (title, publisher, publishedOn, referenceCode, url) or null.' },
                },
              },
            },
            sources: {
              type: 'array',
              description: 'Every source its interventions and its published incidents cite, once each.',
              items: { type: 'object', properties: { title: { type: 'string' }, publisher: nullableString, publishedOn: nullableString, referenceCode: nullableString, url: nullableString } },
            },
            attachments: { $ref: '#/components/schemas/Attachments' },
            ...recordTail,
          },
        },
        Incident: {
          type: 'object',
          properties: {
            ...recordHead,
            date: { type: 'object', properties: { start: { type: 'string', format: 'date' }, end: nullableString, precision: { enum: ['day', 'month', 'year'] } } },
            location: {
              type: 'object',
              properties: {
                country: { type: 'string' },
                region: { type: ['string', 'null'], description: 'The ISO 3166-2:KZ code of the region (see the `region` parameter), or a region outside the list as written.' },
                regionLabel: { type: ['string', 'null'], description: 'The region in the language of `lang`; a region outside the list as written.' },
                locality: nullableString,
                lat: { type: ['number', 'null'] },
                lon: { type: ['number', 'null'] },
                precision: { enum: ['exact', 'locality', 'region', 'country'] },
              },
            },
            violationTypes: { type: 'array', items: term },
            defenderCategories: { type: 'array', items: term },
            perpetratorTypes: { type: 'array', items: term },
            victims: { type: 'array', items: { type: 'object', description: 'A person (protected ones named "Protected person N"), an organization or a group.' } },
            perpetrators: { type: 'array', items: { type: 'object', properties: { type: { type: 'string' }, typeLabel: { type: 'string' }, name: nullableString } } },
            legal: { type: 'array', items: { type: 'object' } },
            sources: { type: 'array', items: { type: 'object' } },
            attachments: { $ref: '#/components/schemas/Attachments' },
            ...recordTail,
          },
        },
      },
    },
  };
}
