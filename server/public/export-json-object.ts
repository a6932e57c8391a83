import 'server-only';
import type { ExportRow } from './export-rows';
import type { PublicAttachment } from './attachments';
import { organizationRef, personRef, protectedRef, sourceRef } from './export-json-records';

/** An incident's object of the public JSON export (exchange/schema.json), and the records it references. */

const json = JSON.stringify;
/** `,"key":value`, or nothing for a value JSON.stringify leaves out of an object (undefined: a key jsonb did not hold). */
const member = (key: string, value: unknown) => (value === undefined ? '' : `,"${key}":${json(value)}`);
/** An object of these members, as JSON.stringify writes it. */
const object = (...members: string[]) => `{${members.join('').slice(1)}}`;

export type JsonSource = Pick<ExportRow, 'incidentId' | 'title' | 'summary' | 'startDate' | 'endDate' | 'datePrecision' | 'country' | 'region' | 'locality' | 'lat' | 'lon' | 'locationPrecision' | 'violationTypes' | 'victims' | 'perpetrators' | 'legal' | 'sources'>;

/**
 * The incident's object as JSON.stringify would write it (the same keys in the same order), written
 * directly, up to its attachments and without the closing brace (`incidentJsonEnd` adds them: its
 * files' public copies change without a publication).
 */
export function incidentJsonHead(row: JsonSource): string {
  let protectedIndex = 0;
  const victims = row.victims.map((victim) => {
    if (victim.kind === 'person') {
      return `{"person":${json(victim.protected ? protectedRef(row.incidentId, ++protectedIndex) : personRef(victim.name))}${member('categories', victim.categories)}}`;
    }
    if (victim.kind === 'organization') return `{"organization":${json(organizationRef(victim.name))}}`;
    return object(member('group', victim.name), member('count', victim.count), member('killed', victim.killed), member('injured', victim.injured), member('categories', victim.categories));
  });
  const perpetrators = row.perpetrators.map((perpetrator) => object(member('type', perpetrator.type), member('name', perpetrator.name)));
  return (
    `{"ref":${json(`inc:${row.incidentId}`)},"title":${json(row.title)},"summary":${json(row.summary)}` +
    `,"date":{"start":${json(row.startDate)},"end":${json(row.endDate)},"precision":${json(row.datePrecision)}}` +
    `,"location":{"country":${json(row.country)},"region":${json(row.region)},"locality":${json(row.locality)},"lat":${json(row.lat)},"lon":${json(row.lon)},"precision":${json(row.locationPrecision)}}` +
    `,"violation_types":${json(row.violationTypes)},"victims":[${victims.join(',')}],"perpetrators":[${perpetrators.join(',')}],"legal":${json(row.legal)}` +
    `,"sources":${json(row.sources.map(sourceRef))},"status":"published"`
  );
}

/** The rest of the object: the public copies of its files only (the derivative's hash and size), never an original's. */
export function incidentJsonEnd(attachments: PublicAttachment[]): string {
  if (attachments.length === 0) return '}';
  const copies = attachments.map((a) => ({ sha256: a.sha256, filename: a.title.slice(0, 255) || a.sha256, title: a.title, media_type: a.media_type, size: a.size, confidential: false, url: a.url }));
  return `${member('attachments', copies)}}`;
}

/**
 * The records the object references, other than its protected persons (listed from the read model
 * again, see export-json.ts), a line each: `p` and a named person's [name, categories], `o` and an
 * organization's name, `s` and a source's [ref, source], each as JSON text (which holds no line break).
 */
export function referencedLines(row: Pick<ExportRow, 'victims' | 'sources'>): string {
  const lines: string[] = [];
  for (const victim of row.victims) {
    if (victim.kind === 'person' && !victim.protected) lines.push(`p${json([victim.name, victim.categories ?? []])}`);
    else if (victim.kind === 'organization') lines.push(`o${json(victim.name)}`);
  }
  for (const source of row.sources) lines.push(`s${json([sourceRef(source), source])}`);
  return lines.join('\n');
}
