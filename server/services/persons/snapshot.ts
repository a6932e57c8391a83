import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { documentedOrganizations, personAffiliations, persons } from '@/db/schema';

/** A person record as it stood at one moment, with its affiliations named: what a merge keeps of each side. */
export type PersonSnapshot = {
  id: string;
  ref: string;
  name: string;
  gender: (typeof persons.$inferSelect)['gender'];
  categories: string[];
  roleNote: string | null;
  confidential: boolean;
  version: number;
  affiliations: { id: string; ref: string; name: string }[];
};

export async function loadPersonSnapshot(db: DbOrTx, personId: string): Promise<PersonSnapshot | null> {
  const [row] = await db.select().from(persons).where(eq(persons.id, personId));
  if (!row) return null;
  const affiliations = await db
    .select({ id: documentedOrganizations.id, ref: documentedOrganizations.ref, name: documentedOrganizations.name })
    .from(personAffiliations)
    .innerJoin(documentedOrganizations, eq(documentedOrganizations.id, personAffiliations.documentedOrganizationId))
    .where(eq(personAffiliations.personId, personId))
    .orderBy(asc(documentedOrganizations.name));
  return {
    id: row.id,
    ref: row.ref,
    name: row.name,
    gender: row.gender,
    categories: row.categories,
    roleNote: row.roleNote,
    confidential: row.confidential,
    version: row.version,
    affiliations,
  };
}
