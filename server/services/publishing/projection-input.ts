import 'server-only';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { persons, sources } from '@/db/schema';
import type { CaseSnapshot } from '../cases/snapshot';
import type { IncidentSnapshot } from '../incidents/snapshot';
import type { IncidentProjectionInput } from './project-incident';
import type { CaseProjectionInput } from './project-case';
import { confidentialPersonsOf, protectedNow } from './protected-persons';
import { loadMentioned } from './public-mentions';
import type { SourceFields } from './public-source';

async function personsNow(db: DbOrTx, ids: string[]) {
  const rows = ids.length
    ? await db
        .select({ id: persons.id, confidential: protectedNow, categories: persons.categories, aliases: persons.aliases })
        .from(persons)
        .where(inArray(persons.id, [...new Set(ids)]))
    : [];
  return new Map(rows.map(({ id, ...row }) => [id, row]));
}

async function sourcesNow(db: DbOrTx, ids: string[]): Promise<Map<string, SourceFields>> {
  const rows = ids.length
    ? await db
        .select({ id: sources.id, title: sources.title, publisher: sources.publisher, publishedOn: sources.publishedOn, referenceCode: sources.referenceCode, url: sources.url })
        .from(sources)
        .where(inArray(sources.id, [...new Set(ids)]))
    : [];
  return new Map(rows.map(({ id, ...row }) => [id, row]));
}

/** Reads what projecting this snapshot of an organization's incident needs, as it is now. */
export async function loadIncidentProjectionInput(db: DbOrTx, organizationId: string, snapshot: IncidentSnapshot): Promise<IncidentProjectionInput> {
  const [people, confidential, cited] = await Promise.all([
    personsNow(db, snapshot.victims.flatMap((v) => (v.kind === 'person' ? [v.id] : []))),
    confidentialPersonsOf(db, organizationId),
    sourcesNow(db, snapshot.sources.map((s) => s.id)),
  ]);
  // Sources are cited as they are now, so their current texts may mention someone the snapshot does not.
  const mentioned = await loadMentioned(db, organizationId, [JSON.stringify(snapshot), JSON.stringify([...cited.values()])]);
  return { snapshot, personsNow: people, confidentialPersons: confidential, sourcesNow: cited, mentioned };
}

/** Reads what projecting this snapshot of an organization's case needs, as it is now. */
export async function loadCaseProjectionInput(db: DbOrTx, organizationId: string, snapshot: CaseSnapshot): Promise<CaseProjectionInput> {
  const [people, confidential, cited] = await Promise.all([
    personsNow(db, [...snapshot.persons.map((p) => p.id), ...snapshot.legalEvents.flatMap((e) => (e.personId ? [e.personId] : []))]),
    confidentialPersonsOf(db, organizationId),
    sourcesNow(db, snapshot.interventions.flatMap((i) => (i.sourceId ? [i.sourceId] : []))),
  ]);
  const mentioned = await loadMentioned(db, organizationId, [JSON.stringify(snapshot), JSON.stringify([...cited.values()])]);
  return { snapshot, personsNow: people, confidentialPersons: confidential, sourcesNow: cited, mentioned };
}
