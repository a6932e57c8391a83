import type { Database } from '@/db/client';
import { createTestDatabase } from './database';
import { callerFor, createOrganization, createUser, seedVocabulary } from './factories';

export type Caller = Awaited<ReturnType<typeof callerFor>>;

/** A fresh database with one organization, a monitor who writes and a reviewer who decides: the cast of most review stories. */
export async function reviewTeam(): Promise<{ database: Database; ngo: { id: string }; author: Caller; reviewer: Caller }> {
  const database = await createTestDatabase();
  await seedVocabulary(database.db);
  const ngo = await createOrganization(database.db);
  const author = await callerFor(database.db, (await createUser(database.db, ngo.id, 'monitor')).id);
  const reviewer = await callerFor(database.db, (await createUser(database.db, ngo.id, 'reviewer')).id);
  return { database, ngo, author, reviewer };
}
