import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { documentedOrganizations, persons, sources } from '@/db/schema';
import type { CreatedFromForm } from '../incidents/references';

/**
 * Records who saved the form that created these persons, organizations and sources: a monitor may
 * correct the records they entered until a record using them goes to review (server/policy/directory.ts).
 */
export async function markCreatedBy(tx: Tx, created: CreatedFromForm, userId: string): Promise<void> {
  if (created.persons.length) await tx.update(persons).set({ createdBy: userId }).where(inArray(persons.id, created.persons));
  if (created.documentedOrganizations.length) {
    await tx.update(documentedOrganizations).set({ createdBy: userId }).where(inArray(documentedOrganizations.id, created.documentedOrganizations));
  }
  if (created.sources.length) await tx.update(sources).set({ createdBy: userId }).where(inArray(sources.id, created.sources));
}
