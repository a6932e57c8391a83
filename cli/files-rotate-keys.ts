/**
 * `npm run files:rotate-keys -- --master`: after setting a new FILES_MASTER_KEY (with the old one in
 * FILES_MASTER_KEY_PREVIOUS), re-wraps every organization's file key under the new master key.
 * `npm run files:rotate-keys -- --organizations [--organization <slug>]`: gives organizations new
 * file keys and re-wraps every file key under them. Neither re-encrypts a file. Run with the server stopped
 * on the embedded database (it holds the data folder's lock).
 */
import { eq } from 'drizzle-orm';
import { openConfiguredDatabase } from '../db/client';
import { EmbeddedDatabaseInUseError } from '../db/embedded-lock';
import { organizations } from '../db/schema';
import { configuredMasterKey, parseMasterKey } from '../server/services/files/crypto/master-key';
import { rewrapUnderNewMasterKey, rotateOrganizationKeys } from '../server/services/files/crypto/rotate';

async function main(args: string[]): Promise<number> {
  const master = args.includes('--master');
  const orgs = args.includes('--organizations');
  if (master === orgs) {
    console.error('Say what to rotate: --master (after changing FILES_MASTER_KEY) or --organizations [--organization <slug>].');
    return 2;
  }
  const database = await openConfiguredDatabase();
  try {
    if (master) {
      if (!process.env.FILES_MASTER_KEY_PREVIOUS) {
        console.error('Set FILES_MASTER_KEY_PREVIOUS to the old master key and FILES_MASTER_KEY to the new one.');
        return 2;
      }
      const { rewrapped } = await rewrapUnderNewMasterKey(database.db, parseMasterKey(process.env.FILES_MASTER_KEY_PREVIOUS, 'FILES_MASTER_KEY_PREVIOUS'), configuredMasterKey());
      console.log(`Re-wrapped ${rewrapped} organization key(s) under the new master key. No file was re-encrypted.`);
      return 0;
    }
    const slugAt = args.indexOf('--organization');
    let organizationId: string | undefined;
    if (slugAt >= 0) {
      const [org] = await database.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, args[slugAt + 1] ?? ''));
      if (!org) {
        console.error(`No organization with the slug ${args[slugAt + 1] ?? '(none given)'}.`);
        return 2;
      }
      organizationId = org.id;
    }
    const result = await rotateOrganizationKeys(database.db, configuredMasterKey(), organizationId);
    console.log(`New file keys for ${result.organizations} organization(s); re-wrapped ${result.files} file key(s). No file was re-encrypted.`);
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof EmbeddedDatabaseInUseError ? error.message : `Could not rotate keys: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
