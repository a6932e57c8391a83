import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TRPCError } from '@trpc/server';
import { openConfiguredDatabase } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { exportExchangeDocument } from '../server/services/exchange/export';
import { exportExchangeBundle } from '../server/services/files/bundle/export';
import { getFilesDeps } from '../server/services/files/deps';
import { resolveTargetOrganization } from '../server/services/exchange/target-organization';
import { say, sharedRefusal } from './language';

const usage = say('cli.export.usage');

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
      console.log(say('cli.export.wroteBundle', { file, slug: organization.slug, incidents: written.incidents, files: written.files }));
      return;
    }
    const doc = await exportExchangeDocument(database.db, organization.id, { via: 'cli' });
    try {
      await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`, 'utf8');
    } catch (error) {
      throw new UserError(say('cli.export.cannotWrite', { file, error: (error as Error).message }));
    }

    const terms = Object.values(doc.vocabularies ?? {}).reduce((sum, list) => sum + list.length, 0);
    console.log(say('cli.export.wrote', { file, slug: organization.slug }));
    console.log(
      say('cli.export.counts', {
        incidents: doc.incidents.length,
        cases: doc.cases?.length ?? 0,
        persons: doc.persons?.length ?? 0,
        organizations: doc.organizations?.length ?? 0,
        sources: doc.sources?.length ?? 0,
        terms,
      }),
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const refusal = sharedRefusal(error);
  if (refusal) console.error(refusal);
  else if (error instanceof UserError || error instanceof TRPCError) console.error(error.message);
  else console.error(say('cli.export.failed', { error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
