import { TRPCError } from '@trpc/server';
import type { Database, Db } from '@/db/client';
import { createTestDatabase } from './database';
import { callerFor, createOrganization, createUser, seedVocabulary } from './factories';

/** The database and small steps of the admin stories (tests/integration/admin-users*.test.ts). */

export let database: Database;
export let db: Db;

export async function openSetup(): Promise<void> {
  database = await createTestDatabase();
  db = database.db;
  await seedVocabulary(db);
}
export async function closeSetup(): Promise<void> {
  await database?.close();
}

/** An organization with its admin, as the admin's caller. */
export async function organizationWithAdmin() {
  const organization = await createOrganization(db);
  const admin = await createUser(db, organization.id, 'admin');
  return { organization, admin, asAdmin: await callerFor(db, admin.id) };
}

/** The code and message of a call that must be refused. */
export async function failure(run: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected the call to be refused');
}
