import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { translator } from '@/common/i18n';
import { sayIssue } from '@/common/inputs/problems';
import * as schema from '@/db/schema';
import { setPublicDatabaseForTests } from '@/server/public/db';
import { publicApiBuckets } from '@/server/public/rate-limit';
import type { ExchangeDocument } from '@/server/services/exchange/document';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { createTestDatabase } from './database';
import { callerFor, createOrganization, createUser, seedVocabulary } from './factories';

/**
 * Bad input gets a clear BAD_REQUEST (tRPC) or 400 (public API) with a message, never a 500: text
 * holding NUL, cursors edited by hand, numbers past the database's integer, an exchange file with
 * NUL in it, and, as a last resort, any value the database itself refuses.
 */

export let database: Database;
export let ngo: { id: string };
export let monitor: { id: string };
export let admin: { id: string };
export let author: Awaited<ReturnType<typeof callerFor>>;

export const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
export const someId = '5b0f6d62-3c5e-4f3a-9b1d-1f2e3d4c5b6a';
export const huge = 3_000_000_000;

/** What the caller threw, as the UI gets it: the code, the message and the field messages. */
const english = translator('en');

export async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (failure: { code?: string; message: string; cause?: unknown }) => failure,
  );
  expect(error, 'the call was expected to be refused').not.toBeNull();
  const cause = error!.cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined;
  // Issues carry problem codes; in English, as the server's formatter words them for the field.
  const fieldErrors = Object.fromEntries((cause?.issues ?? []).map((issue) => [issue.path.map(String).join('.'), sayIssue(english, issue)]));
  return { code: error!.code, message: error!.message, fieldErrors };
}

export async function publicAnswer(response: Promise<Response>) {
  const answer = await response;
  return { status: answer.status, body: (await answer.json()) as { error: string; message: string; problems?: string[] } };
}
export const at = (path: string) => new Request(`http://test/api/public/v1${path}`);

export async function countEveryTable(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(schema)) {
    if (!is(table, PgTable)) continue;
    const [row] = await database.db.select({ count: sql<number>`count(*)::int` }).from(table);
    counts[name] = row!.count;
  }
  return counts;
}

export function fixture(): ExchangeDocument {
  return JSON.parse(readFileSync('fixtures/kazakhstan-2017.json', 'utf8')) as ExchangeDocument;
}

export async function openSetup(): Promise<void> {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  ngo = await createOrganization(database.db, 'Kazakhstan Bureau');
  monitor = await createUser(database.db, ngo.id, 'monitor');
  admin = await createUser(database.db, ngo.id, 'admin');
  author = await callerFor(database.db, monitor.id);
  // Published incidents and cases for the public side to page through.
  const published = await createOrganization(database.db, 'Published NGO');
  const publisher = await createUser(database.db, published.id, 'admin');
  await importExchangeDocument(database.db, fixture(), { organizationId: published.id, actingUserId: publisher.id });
  setPublicDatabaseForTests(database.db);
}

/** Every test starts with a full public rate-limit allowance. */
export const resetPublicLimits = () => publicApiBuckets.reset();
export async function closeSetup(): Promise<void> {
  setPublicDatabaseForTests(undefined);
  await database?.close();
}
