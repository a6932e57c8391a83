import 'server-only';
import type { PublicCasePerson, PublicIntervention, PublicLegalEvent, publicCases } from '@/db/schema';
import type { CaseSnapshot } from '../cases/snapshot';
import { projectFields, type ProjectedText } from './project-fields';
import { noMentions, publicMentionRenderer, type MentionedRecords } from './public-mentions';
import { protectionFor, type ConfidentialPerson, type Protection } from './protection';
import { caseFields, casePersonFields, interventionFields, legalEventFields, legalProvisionFields, personFields } from './public-fields';
import { publicSource, type SourceFields } from './public-source';

/** What the projection of a case needs besides its snapshot, read as it is now (projection-input.ts loads it). */
export type CaseProjectionInput = {
  snapshot: CaseSnapshot;
  personsNow: Map<string, { confidential: boolean; aliases: string[] }>;
  confidentialPersons: ConfidentialPerson[];
  sourcesNow: Map<string, SourceFields>;
  /** The records its texts mention, as they are now (none when not loaded). */
  mentioned?: MentionedRecords;
};

/** A case as it may leave the workspace; its incidents are added by the caller (only those public, as the public sees them). */
export type ProjectedCase = Omit<typeof publicCases.$inferInsert, 'caseId' | 'publisher' | 'publishedVersion' | 'publishedAt' | 'incidents'>;

/**
 * Protected persons get a neutral label, numbered in the order the case lists them, then the order
 * its legal events name others. Confidentiality is read as it is now too, as for incidents: a
 * person marked confidential after publication is protected at once (and an unknown one always).
 */
export function caseProtection(input: CaseProjectionInput): Protection {
  const { snapshot, personsNow } = input;
  const confidentialThen = new Set(snapshot.persons.filter((p) => p.confidential).map((p) => p.id));
  const isProtected = (id: string) => confidentialThen.has(id) || (personsNow.get(id)?.confidential ?? true);
  const people = [
    ...snapshot.persons.map((p) => ({ id: p.id, name: p.name })),
    ...snapshot.legalEvents.flatMap((e) => (e.personId && e.personName ? [{ id: e.personId, name: e.personName }] : [])),
  ].map((p) => ({ ...p, aliases: personsNow.get(p.id)?.aliases ?? [], protected: isProtected(p.id) }));
  return protectionFor(people, input.confidentialPersons);
}

/** Projects a case into what may leave the workspace, from loaded data only (see projectIncident). */
export function projectCase(input: CaseProjectionInput, record?: (entry: ProjectedText) => void): ProjectedCase {
  const { snapshot } = input;
  const { labels, detector } = caseProtection(input);
  const render = publicMentionRenderer(input.mentioned ?? noMentions, (id) => labels.get(id));
  const context = { detector, record, render };
  const personName = (id: string, name: string) => projectFields('persons', personFields, { name }, { ...context, label: labels.get(id) ?? null }).name;

  const persons: PublicCasePerson[] = snapshot.persons.map((person) => ({
    name: personName(person.id, person.name),
    protected: labels.has(person.id),
    // A role is a few words ("defendant", "son of …"), which may name someone protected.
    role: projectFields('case_persons', casePersonFields, { role: person.role }, context).role,
  }));

  const legalEvents: PublicLegalEvent[] = snapshot.legalEvents.map((event) => {
    const shown = projectFields(
      'case_legal_events',
      legalEventFields,
      { kind: event.kind, date: event.date, datePrecision: event.datePrecision, court: event.court, summary: event.summary, outcome: event.outcome },
      context,
    );
    return {
      ...shown,
      person: event.personId ? (labels.get(event.personId) ?? (event.personName === null ? null : personName(event.personId, event.personName))) : null,
      provisions: event.provisions.map((provision) => projectFields('legal_provisions', legalProvisionFields, { ...provision }, context)),
    };
  });

  const interventions: PublicIntervention[] = snapshot.interventions.map((intervention) => {
    const shown = projectFields(
      'case_interventions',
      interventionFields,
      {
        kind: intervention.kind,
        date: intervention.date,
        datePrecision: intervention.datePrecision,
        by: intervention.by,
        referenceCode: intervention.referenceCode,
        summary: intervention.summary,
      },
      context,
    );
    const source = intervention.sourceId ? input.sourcesNow.get(intervention.sourceId) : undefined;
    return {
      ...shown,
      kind: shown.kind ?? '',
      source:
        intervention.sourceId === null
          ? null
          : publicSource(context, source ?? { title: intervention.sourceTitle ?? '', publisher: null, publishedOn: null, referenceCode: null, url: null }),
    };
  });

  const caseRow = projectFields('cases', caseFields, { title: snapshot.title, summary: snapshot.summary, status: snapshot.status }, context);
  return { ...caseRow, title: caseRow.title ?? '', persons, legalEvents, interventions };
}
