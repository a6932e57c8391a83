import type { Db } from '@/db/client';
import { fileDatabase } from './file-database';
import { callerFor, createOrganization, createUser } from './factories';

export type Caller = Awaited<ReturnType<typeof callerFor>>;

/** A fresh organization with a monitor who writes and a reviewer who decides (their accounts and callers): the cast of most review stories. */
export async function teamIn(db: Db) {
  const ngo = await createOrganization(db);
  const monitor = await createUser(db, ngo.id, 'monitor');
  const reviewerAccount = await createUser(db, ngo.id, 'reviewer');
  return { ngo, monitor, reviewerAccount, author: await callerFor(db, monitor.id), reviewer: await callerFor(db, reviewerAccount.id) };
}

/**
 * A test file's own database (with the vocabulary; `publicSide: true` points the public API at it)
 * and its review team (see `teamIn`), made before its tests; the database is dropped after them.
 */
export function reviewTeam(options: { publicSide?: boolean } = {}) {
  return fileDatabase(options, teamIn);
}
