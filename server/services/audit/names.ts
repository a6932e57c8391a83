import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseInterventions, caseLegalEvents, cases, documentedOrganizations, evidenceFiles, incidents, invitations, organizations, persons, sources } from '@/db/schema';
import type { AuditEntryView } from './browse';

/**
 * Names for the ids an audit page mentions (its subjects, and ids inside its details such as
 * `incidentId` or `interventionId`), so that the log reads "Added “Home searched” to the case" rather
 * than a UUID. Only records of the reader's organizations are named: an id of anything else stays an
 * id, so the log never tells an admin what another organization's record is called.
 */
export type ReferenceKind = 'incident' | 'case' | 'person' | 'source' | 'documented_organization' | 'organization' | 'invitation' | 'evidence_file' | 'intervention' | 'legal_event';
export type Reference = { kind: ReferenceKind; id: string; name: string; caseId?: string; detail?: { kind: string; date: string | null } };
/** Keyed `${kind}:${id}`. */
export type References = Record<string, Reference>;

/** Detail keys that hold the id of a record, and the kind of that record. */
export const detailReferences: Record<string, ReferenceKind> = {
  incidentId: 'incident',
  caseId: 'case',
  personId: 'person',
  sourceId: 'source',
  organizationId: 'organization',
  with: 'organization',
  invitationId: 'invitation',
  interventionId: 'intervention',
  legalEventId: 'legal_event',
  mergedPersonId: 'person',
};

/** `attachedTo` of an evidence file's custody events: the record the file belongs to. */
export function attachedToOf(value: unknown): { kind: ReferenceKind; id: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, id } = value as { kind?: unknown; id?: unknown };
  return typeof kind === 'string' && typeof id === 'string' && subjectKinds.has(kind) ? { kind: kind as ReferenceKind, id } : null;
}

const subjectKinds = new Set<string>(['incident', 'case', 'person', 'source', 'documented_organization', 'organization', 'invitation', 'evidence_file']);
const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The ids of each kind that a page of entries mentions. */
function wanted(entries: AuditEntryView[]): Map<ReferenceKind, Set<string>> {
  const ids = new Map<ReferenceKind, Set<string>>();
  const add = (kind: ReferenceKind, id: unknown) => {
    const text = typeof id === 'number' ? String(id) : typeof id === 'string' ? id : null;
    if (!text || (kind !== 'intervention' && kind !== 'legal_event' && !isUuid(text)) || ((kind === 'intervention' || kind === 'legal_event') && !/^\d{1,10}$/.test(text))) return;
    if (!ids.has(kind)) ids.set(kind, new Set());
    ids.get(kind)!.add(text);
  };
  for (const entry of entries) {
    if (entry.subject && subjectKinds.has(entry.subject.type)) add(entry.subject.type as ReferenceKind, entry.subject.id);
    for (const [name, value] of Object.entries(entry.details)) if (detailReferences[name]) add(detailReferences[name], value);
    const attached = attachedToOf(entry.details.attachedTo);
    if (attached) add(attached.kind, attached.id);
  }
  return ids;
}

export async function nameAuditReferences(db: DbOrTx, organizationIds: string[], entries: AuditEntryView[]): Promise<References> {
  const ids = wanted(entries);
  const found: References = {};
  if (!organizationIds.length) return found;
  const of = (kind: ReferenceKind) => [...(ids.get(kind) ?? [])];
  const put = (kind: ReferenceKind, rows: { id: string | number; name: string; caseId?: string; detail?: Reference['detail'] }[]) => {
    for (const row of rows) found[`${kind}:${row.id}`] = { kind, ...row, id: String(row.id) };
  };
  const mine = <T extends { organizationId: unknown }>(table: T) => inArray(table.organizationId as never, organizationIds);
  const numbers = (kind: ReferenceKind) => of(kind).map(Number);

  // A case's interventions and legal events are named by their case's title, where the case is one of the viewer's organizations'.
  const casePartsNamed = (part: typeof caseInterventions | typeof caseLegalEvents, kind: 'intervention' | 'legal_event') =>
    of(kind).length
      ? db
          .select({ id: part.id, caseId: part.caseId, kind: part.kind, date: part.date, name: cases.title })
          .from(part)
          .innerJoin(cases, and(eq(cases.id, part.caseId), inArray(cases.organizationId, organizationIds)))
          .where(inArray(part.id, numbers(kind)))
      : [];

  const [incidentRows, caseRows, personRows, sourceRows, documentedRows, organizationRows, invitationRows, fileRows, interventionRows, legalRows] = await Promise.all([
    of('incident').length ? db.select({ id: incidents.id, name: incidents.title }).from(incidents).where(and(inArray(incidents.id, of('incident')), mine(incidents))) : [],
    of('case').length ? db.select({ id: cases.id, name: cases.title }).from(cases).where(and(inArray(cases.id, of('case')), mine(cases))) : [],
    of('person').length ? db.select({ id: persons.id, name: persons.name }).from(persons).where(and(inArray(persons.id, of('person')), mine(persons))) : [],
    of('source').length ? db.select({ id: sources.id, name: sources.title }).from(sources).where(and(inArray(sources.id, of('source')), mine(sources))) : [],
    of('documented_organization').length
      ? db.select({ id: documentedOrganizations.id, name: documentedOrganizations.name }).from(documentedOrganizations).where(and(inArray(documentedOrganizations.id, of('documented_organization')), mine(documentedOrganizations)))
      : [],
    // Organizations are named by their own names: another organization's name is no secret to a partner it shares with.
    of('organization').length ? db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, of('organization'))) : [],
    of('invitation').length ? db.select({ id: invitations.id, name: invitations.email }).from(invitations).where(and(inArray(invitations.id, of('invitation')), mine(invitations))) : [],
    of('evidence_file').length ? db.select({ id: evidenceFiles.id, name: evidenceFiles.title }).from(evidenceFiles).where(and(inArray(evidenceFiles.id, of('evidence_file')), mine(evidenceFiles))) : [],
    casePartsNamed(caseInterventions, 'intervention'),
    casePartsNamed(caseLegalEvents, 'legal_event'),
  ]);
  put('incident', incidentRows);
  put('case', caseRows);
  put('person', personRows);
  put('source', sourceRows);
  put('documented_organization', documentedRows);
  put('organization', organizationRows);
  put('invitation', invitationRows);
  put('evidence_file', fileRows);
  const part = (row: { id: number; caseId: string; kind: string; date: string | null; name: string }) => ({ id: row.id, caseId: row.caseId, name: row.name, detail: { kind: row.kind, date: row.date } });
  put('intervention', interventionRows.map(part));
  put('legal_event', legalRows.map(part));
  return found;
}
