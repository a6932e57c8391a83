import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { openConfiguredDatabase } from '../db/client';
import { EmbeddedDatabaseInUseError } from '../db/embedded-lock';
import { applyMigrations } from '../db/migrate';
import { users } from '../db/schema';
import { importExchangeDocument, type ImportStage } from '../server/services/exchange/import';
import { BundleRefused, checkBundle } from '../server/services/files/bundle/check';
import { importBundleAttachments } from '../server/services/files/bundle/import';
import { BadZip } from '../server/services/files/bundle/read-zip';
import { getFilesDeps } from '../server/services/files/deps';
import type { ExchangeDocument } from '../server/services/exchange/document';
import { incidentsPerStep } from '../server/services/exchange/import-incidents';
import { formatProblems, InvalidExchangeDocumentError } from '../server/services/exchange/problems';
import type { ImportCounts, ImportSummary } from '../server/services/exchange/summary';
import { resolveTargetOrganization } from '../server/services/exchange/target-organization';

const usage = 'Usage: npm run import -- <file.json | bundle.zip> [--org <slug>] [--as <email>]';

/** A mistake in how the command was called or what it was given: its message is all the user needs. */
class UserError extends Error {}

async function readDocument(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file} is not JSON: ${(error as Error).message}`);
  }
}

function describeCounts(label: string, counts: ImportCounts): string {
  return `  ${label.padEnd(18)} ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`;
}

function printSummary(summary: ImportSummary): void {
  console.log(describeCounts('vocabulary terms', summary.vocabularyTerms));
  console.log(describeCounts('organizations', summary.organizations));
  console.log(describeCounts('persons', summary.persons));
  console.log(describeCounts('sources', summary.sources));
  console.log(describeCounts('incidents', summary.incidents));
  console.log(describeCounts('cases', summary.cases));
  if (summary.deletedIncidentsLeftAlone > 0) {
    console.log(`  ${summary.deletedIncidentsLeftAlone} incident(s) in the file are deleted in the workspace and were left deleted.`);
  }
  if (summary.deletedCasesLeftAlone > 0) {
    console.log(`  ${summary.deletedCasesLeftAlone} case(s) in the file are deleted in the workspace and were left deleted.`);
  }
  // What the public reads instead of protected names, field by field, so it can be checked before anyone else reads it.
  const ofCases = summary.publication.filter(({ pointer }) => pointer.startsWith('/cases/'));
  const ofPublished = summary.publication.filter(({ pointer }) => !pointer.startsWith('/cases/'));
  if (ofPublished.length > 0) {
    console.log(`Publication replaced ${ofPublished.length} protected name form(s) in the records marked published:`);
    for (const { pointer, found, label } of ofPublished) console.log(`  ${pointer}: "${found}" → ${label}`);
  }
  // Cases are never published by an import; this is what their publication will show, checked now.
  if (ofCases.length > 0) {
    console.log(`When the cases are published, ${ofCases.length} protected name form(s) will be replaced:`);
    for (const { pointer, found, label } of ofCases) console.log(`  ${pointer}: "${found}" → ${label}`);
  }
}

const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

const stageWords: Record<ImportStage, string> = {
  checking: 'Checking the whole file before writing anything…',
  'vocabulary and records': 'The file is valid. Writing vocabulary, organizations, persons and sources…',
  incidents: 'Writing incidents…',
  cases: 'Writing cases…',
  'public pages': 'Updating the public pages for what is published…',
};

/** How many records the file holds, read loosely: it has not been validated yet. */
function recordCount(doc: unknown): number {
  if (typeof doc !== 'object' || doc === null) return 0;
  const lists = ['incidents', 'persons', 'organizations', 'sources', 'cases'].map((key) => (doc as Record<string, unknown>)[key]);
  return lists.reduce<number>((sum, list) => sum + (Array.isArray(list) ? list.length : 0), 0);
}

/** The document as the import validated it (a bundle's collection.json is checked by the import like a plain file). */
const summaryDoc = (doc: unknown) => doc as ExchangeDocument;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { org: { type: 'string' }, as: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UserError(usage);
  const file = path.resolve(positionals[0]!);
  // A bundle is checked whole, every file against its SHA-256, before anything is written.
  const bundle = file.toLowerCase().endsWith('.zip') ? await checkBundle(file) : null;
  const doc = bundle ? bundle.collection : await readDocument(file);
  const stored: string[] = [];

  const large = recordCount(doc) > incidentsPerStep;
  const database = await openConfiguredDatabase();
  try {
    await applyMigrations(database);
    let actingUserId: string | null = null;
    if (values.as !== undefined) {
      const email = values.as.trim().toLowerCase();
      const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (!user) throw new UserError(`No user with the email ${email}.`);
      actingUserId = user.id;
    }

    // The organization is created in the same transaction as the import, so a refused file leaves none behind.
    const deps = bundle ? getFilesDeps() : null;
    const { organization, created, summary, files } = await database.db.transaction(async (tx) => {
      const target = await resolveTargetOrganization(tx, values.org, { createMissing: true });
      const summary = await importExchangeDocument(tx, doc, {
        organizationId: target.organization.id,
        actingUserId,
        via: 'cli',
        // Progress goes to stderr, only for files large enough to take a while.
        onStage: (stage) => {
          if (large) console.error(`${stageWords[stage]} (after ${seconds()})`);
        },
        onProgress: (done, total) => {
          if (large) console.error(`  ${done}/${total} incidents`);
        },
      });
      const files = bundle && deps ? await importBundleAttachments(tx, deps, { organizationId: target.organization.id, actingUserId, doc: summaryDoc(doc), open: bundle.open, stored }) : null;
      return { ...target, summary, files };
    }).catch(async (error: unknown) => {
      // The transaction rolled back: what was put in the file store for it goes too.
      for (const key of stored) await deps?.store.remove(key);
      throw error;
    });

    const into = `organization “${organization.slug}”${created ? ' (created)' : ''}`;
    console.log(`Imported ${positionals[0]} into ${into}${values.as ? ` as ${values.as.toLowerCase()}` : ''}:`);
    printSummary(summary);
    if (files) console.log(`  ${files.attached} file(s) attached from the bundle; public copies made for ${files.published} published incident(s).`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof BundleRefused) {
    console.error(`The bundle was not imported (nothing was changed): ${error.pointer}: ${error.message.slice(error.pointer.length + 2)}`);
  } else if (error instanceof BadZip) {
    console.error(`The bundle was not imported (nothing was changed): ${error.message}`);
  } else if (error instanceof InvalidExchangeDocumentError) {
    const count = error.problems.length === 1 ? '1 problem' : `${error.problems.length} problems`;
    console.error(`The file was not imported (nothing was changed): it has ${count}.`);
    for (const line of formatProblems(error.problems)) console.error(line);
  } else if (error instanceof UserError || error instanceof TRPCError || error instanceof EmbeddedDatabaseInUseError) {
    console.error(error.message);
  } else {
    console.error(`The import failed and nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
