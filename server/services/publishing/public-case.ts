import { and, desc, eq, exists, inArray, isNotNull, or } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { caseIncidents, caseReviews, caseVersions, cases, incidents, organizations, persons, publicCases, publicIncidents, sources } from '@/db/schema';
import type { PublicCaseIncident, PublicCasePerson, PublicIntervention, PublicLegalEvent } from '@/db/schema';
import type { CaseSnapshot } from '../cases/snapshot';
import { publicSource } from './public-source';
import { publicMentionRenderer } from './public-mentions';
import { nameRedactor } from './redact-names';

/**
 * Rewrites a case's row in the public read model from its published version, or removes it when
 * nothing of it is public (never published, retracted, deleted). Call it inside the transaction
 * that changed what is public: a case's publication, retraction, deletion or restoration, an import,
 * and (through refreshPublicIncident) a change to whether one of its incidents is public.
 *
 * Everything comes from the snapshot of the published version, parts included (case_versions
 * holds the persons, incidents, legal events and interventions with the case), so an edit made
 * since, which is a draft until it is approved and published, shows nowhere.
 */
export async function refreshPublicCase(tx: Tx, caseId: string): Promise<void> {
  const [found] = await tx
    .select({ organizationId: cases.organizationId, publishedVersion: cases.publishedVersion, deletedAt: cases.deletedAt, publisher: organizations.name })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(eq(cases.id, caseId));
  const [version] =
    found && !found.deletedAt && found.publishedVersion !== null
      ? await tx
          .select({ snapshot: caseVersions.snapshot, savedAt: caseVersions.savedAt })
          .from(caseVersions)
          .where(and(eq(caseVersions.caseId, caseId), eq(caseVersions.version, found.publishedVersion)))
      : [];
  if (!found || !version || found.publishedVersion === null) {
    await tx.delete(publicCases).where(eq(publicCases.caseId, caseId));
    return;
  }
  const snapshot = version.snapshot as CaseSnapshot;

  // Protected persons get a neutral label, numbered in the order the case lists them, then the
  // order its legal events name others. Confidentiality is read as it is now too, as for incidents:
  // a person marked confidential after publication is protected at once (and an unknown one always).
  const personIds = [...new Set([...snapshot.persons.map((p) => p.id), ...snapshot.legalEvents.flatMap((e) => (e.personId ? [e.personId] : []))])];
  const confidentialNow = new Map(
    (personIds.length ? await tx.select({ id: persons.id, confidential: persons.confidential }).from(persons).where(inArray(persons.id, personIds)) : []).map(
      (row) => [row.id, row.confidential],
    ),
  );
  const confidentialThen = new Set(snapshot.persons.filter((p) => p.confidential).map((p) => p.id));
  const isProtected = (id: string) => confidentialThen.has(id) || (confidentialNow.get(id) ?? true);
  const labels = new Map<string, string>();
  const labelOf = (id: string) => {
    if (!labels.has(id)) labels.set(id, `Protected person ${labels.size + 1}`);
    return labels.get(id)!;
  };
  const shownPersons = snapshot.persons.map((person) => (isProtected(person.id) ? { name: labelOf(person.id), protected: true } : { name: person.name, protected: false }));
  const eventPersons = snapshot.legalEvents.map((event) => (event.personId ? (isProtected(event.personId) ? labelOf(event.personId) : event.personName) : null));

  // Every confidential person of the organization, named anywhere in the public text, is replaced too.
  const confidentialRows = await tx
    .select({ id: persons.id, name: persons.name, aliases: persons.aliases })
    .from(persons)
    .where(and(eq(persons.organizationId, found.organizationId), eq(persons.confidential, true)));
  const redactNames = nameRedactor([
    ...snapshot.persons.flatMap((p) => (labels.has(p.id) ? [{ name: p.name, label: labels.get(p.id)! }] : [])),
    ...snapshot.legalEvents.flatMap((e) => (e.personId && e.personName && labels.has(e.personId) ? [{ name: e.personName, label: labels.get(e.personId)! }] : [])),
    ...confidentialRows.map((row) => ({ name: row.name, aliases: row.aliases, label: labels.get(row.id) ?? 'Protected person' })),
  ]);
  // Mentions (common/mentions.ts) are rendered first, as the public reads them; the detector then sees that text.
  const renderMentioned = await publicMentionRenderer(tx, found.organizationId, [JSON.stringify(snapshot)], labelOf);
  const redact = (text: string | null) => redactNames(renderMentioned(text));

  const personsRow: PublicCasePerson[] = snapshot.persons.map((person, index) => ({
    ...shownPersons[index]!,
    // A role is a few words ("defendant", "son of …"), which may name someone protected.
    role: redact(person.role),
  }));

  // Only the incidents that are public now, as the public sees them; the others are left out entirely.
  const incidentIds = snapshot.incidents.map((incident) => incident.id);
  const incidentsRow: PublicCaseIncident[] = incidentIds.length
    ? await tx
        .select({ id: publicIncidents.incidentId, title: publicIncidents.title, startDate: publicIncidents.startDate, datePrecision: publicIncidents.datePrecision })
        .from(publicIncidents)
        .where(inArray(publicIncidents.incidentId, incidentIds))
        .orderBy(publicIncidents.startDate, publicIncidents.incidentId)
    : [];

  const legalEventsRow: PublicLegalEvent[] = snapshot.legalEvents.map((event, index) => ({
    kind: event.kind,
    date: event.date,
    datePrecision: event.datePrecision,
    person: eventPersons[index] ?? null,
    court: redact(event.court),
    summary: redact(event.summary),
    outcome: redact(event.outcome),
    provisions: event.provisions,
  }));

  // Sources are cited as they are now described (a corrected title or address shows at once), as for incidents.
  const sourceIds = [...new Set(snapshot.interventions.flatMap((i) => (i.sourceId ? [i.sourceId] : [])))];
  const sourceById = new Map(
    (sourceIds.length
      ? await tx
          .select({ id: sources.id, title: sources.title, publisher: sources.publisher, publishedOn: sources.publishedOn, referenceCode: sources.referenceCode, url: sources.url })
          .from(sources)
          .where(inArray(sources.id, sourceIds))
      : []
    ).map((row) => [row.id, row]),
  );
  const interventionsRow: PublicIntervention[] = snapshot.interventions.map((intervention) => {
    const source = intervention.sourceId ? sourceById.get(intervention.sourceId) : undefined;
    return {
      kind: intervention.kind,
      date: intervention.date,
      datePrecision: intervention.datePrecision,
      by: redact(intervention.by),
      referenceCode: redact(intervention.referenceCode),
      summary: redact(intervention.summary),
      source:
        intervention.sourceId === null
          ? null
          : publicSource(redact, source ?? { title: intervention.sourceTitle ?? '', publisher: null, publishedOn: null, referenceCode: null, url: null }),
    };
  });

  const [publishedReview] = await tx
    .select({ at: caseReviews.decidedAt })
    .from(caseReviews)
    .where(and(eq(caseReviews.caseId, caseId), eq(caseReviews.decision, 'published')))
    .orderBy(desc(caseReviews.id))
    .limit(1);

  const row = {
    caseId,
    publisher: found.publisher,
    title: redact(snapshot.title) ?? '',
    summary: redact(snapshot.summary),
    status: snapshot.status,
    persons: personsRow,
    incidents: incidentsRow,
    legalEvents: legalEventsRow,
    interventions: interventionsRow,
    publishedVersion: found.publishedVersion,
    publishedAt: publishedReview?.at ?? version.savedAt,
  };
  await tx.insert(publicCases).values(row).onConflictDoUpdate({ target: publicCases.caseId, set: row });
}

/** Cases that are public, or were until now (their row must go). */
const publicOrWasPublic = or(isNotNull(cases.publishedVersion), isNotNull(publicCases.caseId));

/** Refreshes every public case that links the incident (its public title or presence may have changed). */
export async function refreshPublicCasesWithIncident(tx: Tx, incidentId: string): Promise<void> {
  const rows = await tx
    .select({ id: caseIncidents.caseId })
    .from(caseIncidents)
    .innerJoin(cases, eq(cases.id, caseIncidents.caseId))
    .leftJoin(publicCases, eq(publicCases.caseId, cases.id))
    .where(and(eq(caseIncidents.incidentId, incidentId), publicOrWasPublic));
  for (const row of rows) await refreshPublicCase(tx, row.id);
}

/**
 * Refreshes every case that is, or was, public and belongs to the organization or links one of its
 * incidents (a case of another organization may hold incidents shared with it), once each: after
 * an import or a change of protection altered many records at once.
 */
export async function refreshPublicCasesOf(tx: Tx, organizationId: string): Promise<number> {
  const linksOneOfItsIncidents = exists(
    tx
      .select({ one: caseIncidents.incidentId })
      .from(caseIncidents)
      .innerJoin(incidents, eq(incidents.id, caseIncidents.incidentId))
      .where(and(eq(caseIncidents.caseId, cases.id), eq(incidents.organizationId, organizationId))),
  );
  const rows = await tx
    .select({ id: cases.id })
    .from(cases)
    .leftJoin(publicCases, eq(publicCases.caseId, cases.id))
    .where(and(publicOrWasPublic, or(eq(cases.organizationId, organizationId), linksOneOfItsIncidents)));
  for (const row of rows) await refreshPublicCase(tx, row.id);
  return rows.length;
}
