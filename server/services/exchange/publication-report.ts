import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { incidentVersions, publicIncidents, type PublicVictim } from '@/db/schema';
import type { IncidentSnapshot } from '../incidents/snapshot';
import { confidentialPersonsOf } from '../publishing/protected-persons';
import { protectionFor, type ConfidentialPerson } from '../publishing/protection';
import type { NameDetector } from '../publishing/redact-names';
import type { ExchangeDocument, ExchangeIncident } from './document';
import { pointerTo } from './problems';

/**
 * What publication replaced in the records an import marked published: for each protected form
 * found in a field of the file, the field (a JSON pointer into the file), the form as written, and
 * the label the public reads instead ("Protected person 1"); an address that names someone is left
 * out of the public side as a whole. Lets whoever imports check what the public will read without
 * opening every page. The labels are read back from the public rows publication wrote.
 */
export type PublicationReplacement = { pointer: string; found: string; label: string };

/** The label of an address left out because it names a protected person. */
export const addressLeftOut = 'address left out';

export async function publicationReplacements(
  tx: Tx,
  organizationId: string,
  doc: ExchangeDocument,
  incidentIds: ReadonlyMap<string, string>,
): Promise<PublicationReplacement[]> {
  const published = doc.incidents.flatMap((record, index) => (record.status === 'published' ? [{ record, index }] : []));
  if (!published.length) return [];
  const confidential = await confidentialPersonsOf(tx, organizationId);
  const sourceIndex = new Map((doc.sources ?? []).map((source, index) => [source.ref, index]));

  const report: PublicationReplacement[] = [];
  const seen = new Set<string>();
  const add = (pointer: string, found: string, label: string) => {
    const key = `${pointer}\u0000${found}\u0000${label}`;
    if (seen.has(key)) return;
    seen.add(key);
    report.push({ pointer, found, label });
  };
  const shownById = await publicVictimsOf(tx, published.flatMap(({ record }) => incidentIds.get(record.ref) ?? []));
  for (const { record, index } of published) {
    const shown = shownById.get(incidentIds.get(record.ref) ?? '');
    if (!shown) continue;
    const detector = detectorPublicationUsed(shown, confidential);
    const look = (text: string | null | undefined, ...path: (string | number)[]) => {
      for (const found of text ? detector.find(text) : []) add(pointerTo(...path), found.found, found.label);
    };
    for (const [pointer, text] of incidentTexts(record, index)) look(text, ...pointer);
    for (const ref of record.sources ?? []) {
      const at = sourceIndex.get(ref);
      const source = at === undefined ? undefined : doc.sources![at];
      if (!source || at === undefined) continue;
      look(source.title, 'sources', at, 'title');
      look(source.publisher, 'sources', at, 'publisher');
      look(source.reference_code, 'sources', at, 'reference_code');
      if (source.url && detector.namesIn(source.url)) add(pointerTo('sources', at, 'url'), source.url, addressLeftOut);
    }
  }
  return report;
}

/** The free-text fields of an incident that publication redacts, with their path in the file. */
function incidentTexts(record: ExchangeIncident, index: number): [(string | number)[], string | null | undefined][] {
  return [
    [['incidents', index, 'title'], record.title],
    [['incidents', index, 'summary'], record.summary],
    ...(record.victims ?? []).map((victim, j): [(string | number)[], string | undefined] => [['incidents', index, 'victims', j, 'group'], victim.group]),
    ...(record.perpetrators ?? []).map((perpetrator, j): [(string | number)[], string | null | undefined] => [['incidents', index, 'perpetrators', j, 'name'], perpetrator.name]),
    ...(record.legal ?? []).map((provision, j): [(string | number)[], string | null | undefined] => [['incidents', index, 'legal', j, 'title'], provision.title]),
  ];
}

type Shown = { snapshot: unknown; shown: PublicVictim[] };

/** The published snapshot and the public victims of each incident, in one query (an import may publish thousands). */
async function publicVictimsOf(tx: Tx, incidentIds: string[]): Promise<Map<string, Shown>> {
  const byId = new Map<string, Shown>();
  for (let at = 0; at < incidentIds.length; at += 1000) {
    const rows = await tx
      .select({ id: publicIncidents.incidentId, snapshot: incidentVersions.snapshot, shown: publicIncidents.victims })
      .from(publicIncidents)
      .innerJoin(incidentVersions, and(eq(incidentVersions.incidentId, publicIncidents.incidentId), eq(incidentVersions.version, publicIncidents.publishedVersion)))
      .where(inArray(publicIncidents.incidentId, incidentIds.slice(at, at + 1000)));
    for (const row of rows) byId.set(row.id, row);
  }
  return byId;
}

/**
 * The detector publication used for one incident: its protected victims numbered as its public row
 * shows them, then every confidential person of the organization (the projection's own rule).
 */
function detectorPublicationUsed(row: Shown, confidential: ConfidentialPerson[]): NameDetector {
  const aliases = new Map(confidential.map((person) => [person.id, person.aliases]));
  const people = (row.snapshot as IncidentSnapshot).victims.flatMap((victim, index) => {
    const shown = row.shown[index];
    return victim.kind === 'person'
      ? [{ id: victim.id, name: victim.name, aliases: aliases.get(victim.id) ?? [], protected: shown?.kind === 'person' && shown.protected }]
      : [];
  });
  return protectionFor(people, confidential).detector;
}
