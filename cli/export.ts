import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TRPCError } from '@trpc/server';
import { openConfiguredDatabase } from '../db/client';
import { EmbeddedDatabaseInUseError } from '../db/embedded-lock';
import { applyMigrations } from '../db/migrate';
import { exportExchangeDocument } from '../server/services/exchange/export';
import { exportExchangeBundle } from '../server/services/files/bundle/export';
import { getFilesDeps } from '../server/services/files/deps';
import { resolveTargetOrganization } from '../server/services/exchange/target-organization';

const usage = 'Usage: npm run export -- <file.json | bundle.zip> [--org <slug>]';

/** A mistake in how the command was called: its message is all the user needs. */
class UserError extends Error {}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { org: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1) throw new UserError(usage);
  const file = path.resolve(positionals[0]!);

  const database = await openConfiguredDatabase();
  try {
    // A fresh embedded folder then answers "no organization" rather than "no such table".
    await applyMigrations(database);
    const { organization } = await resolveTargetOrganization(database.db, values.org, { createMissing: false });
    if (file.toLowerCase().endsWith('.zip')) {
      // A bundle: collection.json and every incident's attachment at files/<sha256>.
      const written = await exportExchangeBundle(database.db, getFilesDeps(), organization.id, file, { via: 'cli' });
      console.log(`Wrote ${file} (organization “${organization.slug}”): ${written.incidents} incidents, ${written.files} files.`);
      return;
    }
    const doc = await exportExchangeDocument(database.db, organization.id, { via: 'cli' });
    try {
      await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`, 'utf8');
    } catch (error) {
      throw new UserError(`Cannot write ${file}: ${(error as Error).message}`);
    }

    const terms = Object.values(doc.vocabularies ?? {}).reduce((sum, list) => sum + list.length, 0);
    console.log(`Wrote ${file} (organization “${organization.slug}”):`);
    console.log(
      `  ${doc.incidents.length} incidents, ${doc.cases?.length ?? 0} cases, ${doc.persons?.length ?? 0} persons, ` +
        `${doc.organizations?.length ?? 0} organizations, ${doc.sources?.length ?? 0} sources, ${terms} vocabulary terms`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UserError || error instanceof TRPCError || error instanceof EmbeddedDatabaseInUseError) {
    console.error(error.message);
  } else {
    console.error(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
