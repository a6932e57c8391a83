/** Readiness: ready only when the database answers and has every migration this build knows. */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '@/db/client';
import { checkReadiness } from '@/server/services/health/readiness';
import { createEmbeddedTestDatabase, createTestDatabase, testServerUrl } from '../support/database';

let migrated: Database;
let bare: Database;
let bareName: string;
const admin = postgres(testServerUrl(), { max: 1, onnotice: () => {} });
beforeAll(async () => {
  migrated = await createTestDatabase();
  bareName = `hrd_test_bare_${randomBytes(4).toString('hex')}`;
  await admin.unsafe(`CREATE DATABASE ${bareName}`);
  const url = new URL(testServerUrl());
  url.pathname = `/${bareName}`;
  bare = openPostgres(url.toString(), { max: 1 });
});
afterAll(async () => {
  await migrated?.close();
  await bare?.close();
  await admin.unsafe(`DROP DATABASE IF EXISTS ${bareName} WITH (FORCE)`);
  await admin.end();
});

describe('readiness', () => {
  it('is ready on a migrated database, on either driver', async () => {
    expect(await checkReadiness(migrated.db)).toEqual({ ready: true });
    const embedded = await createEmbeddedTestDatabase();
    try {
      expect(await checkReadiness(embedded.db)).toEqual({ ready: true });
    } finally {
      await embedded.close();
    }
  });

  it('is not ready before the migrations, nor when a newer migration is missing', async () => {
    expect(await checkReadiness(bare.db)).toEqual({ ready: false, reason: 'migrations pending' });
    await bare.db.execute(sql.raw('CREATE SCHEMA drizzle'));
    await bare.db.execute(sql.raw('CREATE TABLE drizzle.__drizzle_migrations (id serial, hash text, created_at bigint)'));
    await bare.db.execute(sql.raw(`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('x', 1)`));
    expect(await checkReadiness(bare.db)).toEqual({ ready: false, reason: 'migrations pending' });
  });

  it('is not ready when the database does not answer', async () => {
    const nowhere = openPostgres('postgres://postgres@127.0.0.1:1/none', { max: 1 });
    try {
      expect(await checkReadiness(nowhere.db)).toEqual({ ready: false, reason: 'database unreachable' });
    } finally {
      await nowhere.close().catch(() => {});
    }
  });
});
