import { TRPCError } from '@trpc/server';
import { db } from './setup-database';
import { callerFor, createOrganization, createUser } from './factories';

/** The database and small steps of the admin stories (tests/integration/admin-users*.test.ts). */

export { closeSetup, database, db, openSetup } from './setup-database';

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
