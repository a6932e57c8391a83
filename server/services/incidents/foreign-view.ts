import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { incidentVictims, incidents, persons } from '@/db/schema';
import { projectFields } from '../publishing/project-fields';
import { confidentialPersonsOf, protectedNow } from '../publishing/protected-persons';
import { protectionFor, type ConfidentialPerson, type NamedPerson, type Protection } from '../publishing/protection';
import { incidentFields } from '../publishing/public-fields';
import { loadMentioned, noMentions, publicMentionRenderer, type MentionedRecords } from '../publishing/public-mentions';

type IncidentRow = typeof incidents.$inferSelect;
type DeclaredField = keyof typeof incidentFields.out & keyof IncidentRow;

/**
 * Another organization's incidents in a list (the shared list, the case picker, a timeline, a case's
 * history): each field through the declaration of what may leave (public-fields.ts) with the same
 * protection as the incident's full projection (its person victims labelled in order, every
 * confidential person of its organization replaced, mentions written as the public side writes
 * them), read as it is now. Only declared fields come back: a field the caller selected besides
 * (the owner's review status, say) is left out, and the type says so.
 */
export type ForeignView = <R extends Partial<Pick<IncidentRow, DeclaredField>>>(incidentId: string, row: R) => Pick<R, Extract<keyof R, DeclaredField>>;

export async function foreignIncidentView(db: DbOrTx, incidentIds: string[]): Promise<ForeignView> {
  const ids = [...new Set(incidentIds)];
  const [owners, victims] = ids.length
    ? await Promise.all([
        db
          .select({ id: incidents.id, organizationId: incidents.organizationId, title: incidents.title, summary: incidents.summary, region: incidents.region, locality: incidents.locality })
          .from(incidents)
          .where(inArray(incidents.id, ids)),
        db
          .select({ incidentId: incidentVictims.incidentId, id: persons.id, name: persons.name, aliases: persons.aliases, confidential: protectedNow })
          .from(incidentVictims)
          .innerJoin(persons, eq(persons.id, incidentVictims.personId))
          .where(inArray(incidentVictims.incidentId, ids))
          .orderBy(asc(incidentVictims.incidentId), asc(incidentVictims.position)),
      ])
    : [[], []];
  const ownerOf = new Map(owners.map((row) => [row.id, row.organizationId]));
  const confidentialByOrganization = new Map<string, ConfidentialPerson[]>();
  // The records the incidents' texts mention, per organization (a token resolves only in its own organization).
  const mentionedByOrganization = new Map<string, MentionedRecords>();
  for (const organizationId of new Set(ownerOf.values())) {
    confidentialByOrganization.set(organizationId, await confidentialPersonsOf(db, organizationId));
    const texts = owners.filter((row) => row.organizationId === organizationId).flatMap((row) => [row.title, row.summary, row.region, row.locality]);
    mentionedByOrganization.set(organizationId, await loadMentioned(db, organizationId, texts));
  }
  const peopleOf = new Map<string, NamedPerson[]>();
  for (const { incidentId, confidential, ...person } of victims) {
    peopleOf.set(incidentId, [...(peopleOf.get(incidentId) ?? []), { ...person, protected: confidential }]);
  }
  // One detector per organization and set of protected victims: most incidents of a list share one.
  const protections = new Map<string, Protection>();
  const protectionOf = (incidentId: string): Protection => {
    const organizationId = ownerOf.get(incidentId) ?? '';
    const people = peopleOf.get(incidentId) ?? [];
    const key = `${organizationId}:${people.filter((p) => p.protected).map((p) => p.id).join(',')}`;
    let protection = protections.get(key);
    if (!protection) {
      protection = protectionFor(people, confidentialByOrganization.get(organizationId) ?? []);
      protections.set(key, protection);
    }
    return protection;
  };
  return (incidentId, row) => {
    const protection = protectionOf(incidentId);
    // A text of an older version (a case's history) may mention someone the current texts do not: neutrally labelled.
    const render = publicMentionRenderer(mentionedByOrganization.get(ownerOf.get(incidentId) ?? '') ?? noMentions, (id) => protection.labels.get(id));
    // Partial<Pick<…>> names declared fields only; the generic cannot prove it of every R.
    return projectFields('incidents', incidentFields, row as Partial<Pick<IncidentRow, DeclaredField>>, { detector: protection.detector, render }) as Pick<typeof row, Extract<keyof typeof row, DeclaredField>>;
  };
}
