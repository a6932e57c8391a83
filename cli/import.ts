import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { openConfiguredDatabase } from '../db/client';
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
import type { MessageKey } from '../common/i18n';
import { say, sharedRefusal } from './language';

/** A mistake in how the command was called or what it was given: its message is all the user needs. */
class UserError extends Error {}

async function readDocument(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError((error as NodeJS.ErrnoException).code === 'ENOENT' ? say('cli.import.cannotRead', { file }) : say('cli.import.cannotReadBecause', { file, error: String(error) }));
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(say('cli.import.notJson', { file, error: (error as Error).message }));
  }
}

const countedLists = ['vocabularyTerms', 'organizations', 'persons', 'sources', 'incidents', 'cases'] as const;

function describeCounts(list: (typeof countedLists)[number], counts: ImportCounts): string {
  return say('cli.import.counts', { label: say(`cli.import.list.${list}`).padEnd(18), ...counts });
}

function printSummary(summary: ImportSummary): void {
  for (const list of countedLists) console.log(describeCounts(list, summary[list]));
  if (summary.deletedIncidentsLeftAlone > 0) console.log(say('cli.import.deletedIncidentsLeft', { n: summary.deletedIncidentsLeftAlone }));
  if (summary.deletedCasesLeftAlone > 0) console.log(say('cli.import.deletedCasesLeft', { n: summary.deletedCasesLeftAlone }));
  // What the public reads instead of protected names, field by field, so it can be checked before anyone else reads it.
  const ofCases = summary.publication.filter(({ pointer }) => pointer.startsWith('/cases/'));
  const ofPublished = summary.publication.filter(({ pointer }) => !pointer.startsWith('/cases/'));
  if (ofPublished.length > 0) {
    console.log(say('cli.import.publishedReplaced', { n: ofPublished.length }));
    for (const { pointer, found, label } of ofPublished) console.log(`  ${pointer}: "${found}" → ${label}`);
  }
  // Cases are never published by an import; this is what their publication will show, checked now.
  if (ofCases.length > 0) {
    console.log(say('cli.import.casesWillReplace', { n: ofCases.length }));
    for (const { pointer, found, label } of ofCases) console.log(`  ${pointer}: "${found}" → ${label}`);
  }
}

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

const stageWords: Record<ImportStage, MessageKey> = {
  checking: 'cli.import.stage.checking',
  'vocabulary and records': 'cli.import.stage.records',
  incidents: 'cli.import.stage.incidents',
  cases: 'cli.import.stage.cases',
  'public pages': 'cli.import.stage.publicPages',
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
  if (positionals.length !== 1) throw new UserError(say('cli.import.usage'));
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
      if (!user) throw new UserError(say('cli.import.noUser', { email }));
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
          if (large) console.error(say('cli.import.after', { stage: say(stageWords[stage]), seconds: seconds() }));
        },
        onProgress: (done, total) => {
          if (large) console.error(say('cli.import.progress', { done, total }));
        },
      });
      const files = bundle && deps ? await importBundleAttachments(tx, deps, { organizationId: target.organization.id, actingUserId, doc: summaryDoc(doc), open: bundle.open, stored }) : null;
      return { ...target, summary, files };
    }).catch(async (error: unknown) => {
      // The transaction rolled back: what was put in the file store for it goes too.
      for (const key of stored) await deps?.store.remove(key);
      throw error;
    });

    const importedKey = values.as ? (created ? 'cli.import.importedCreatedAs' : 'cli.import.importedAs') : created ? 'cli.import.importedCreated' : 'cli.import.imported';
    console.log(say(importedKey, { file: positionals[0]!, slug: organization.slug, email: values.as?.toLowerCase() ?? '' }));
    printSummary(summary);
    if (files) console.log(say('cli.import.filesAttached', { ...files }));
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof BundleRefused) {
    console.error(say('cli.import.bundleRefused', { reason: `${error.pointer}: ${error.message.slice(error.pointer.length + 2)}` }));
  } else if (error instanceof BadZip) {
    console.error(say('cli.import.bundleRefused', { reason: error.message }));
  } else if (error instanceof InvalidExchangeDocumentError) {
    console.error(say('cli.import.fileRefused', { n: error.problems.length }));
    for (const line of formatProblems(error.problems, say)) console.error(line);
  } else if (sharedRefusal(error)) {
    console.error(sharedRefusal(error));
  } else if (error instanceof UserError || error instanceof TRPCError) {
    console.error(error.message);
  } else {
    console.error(say('cli.import.failed', { error: error instanceof Error ? error.message : String(error) }));
  }
  process.exit(1);
});
