import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { openEmbedded } from '@/db/client';
import { applyMigrations } from '@/db/migrate';
import { migrationsFingerprint } from './migrations-fingerprint';

/**
 * The migrated data folder the embedded test databases start from. A new in-memory PGlite runs
 * initdb and then the migrations, many seconds on 2 cores; one loaded from a tarball of a migrated
 * data folder (PGlite's dumpDataDir / loadDataDir) skips both. The tarball is kept in the temp
 * folder, named by the migrations' fingerprint and PGlite's version, so that changed migrations or
 * another PGlite make a new one; test files run in separate processes, so it is a file rather than
 * a variable. The global setup (integration-setup.ts) removes the tarballs of other migrations once
 * no run has used them for a while.
 */
const prefix = 'hrd-test-pglite-';
const staleAfterMs = 3 * 60 * 60_000;

function tarballFile(): string {
  return path.join(os.tmpdir(), `${prefix}${migrationsFingerprint()}-${pgliteVersion()}.tar`);
}

/** The installed PGlite's version, from its package.json (which its exports do not offer to import). */
function pgliteVersion(): string {
  let folder = path.dirname(createRequire(__filename).resolve('@electric-sql/pglite'));
  for (; folder !== path.dirname(folder); folder = path.dirname(folder)) {
    const file = path.join(folder, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (manifest.name === '@electric-sql/pglite' && manifest.version) return manifest.version;
  }
  throw new Error('Cannot find the version of @electric-sql/pglite: is it installed (npm ci)?');
}

/** The tarball of a migrated data folder, made on first use. */
export async function migratedEmbeddedDataDir(): Promise<Blob> {
  const file = tarballFile();
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const database = await openEmbedded('memory://');
  try {
    await applyMigrations(database);
    const tarball = await (database.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
    // Written aside and renamed: processes that make it at once each rename a whole file over the same name.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
    renameSync(partial, file);
    return tarball;
  } finally {
    await database.close();
  }
}

/** Once per run (the global setup): notes that the current tarball is in use and removes stale ones. */
export function sweepEmbeddedTemplates(): void {
  const current = tarballFile();
  const now = Date.now();
  if (existsSync(current)) utimesSync(current, now / 1000, now / 1000);
  for (const name of readdirSync(os.tmpdir())) {
    const file = path.join(os.tmpdir(), name);
    if (!name.startsWith(prefix) || file === current) continue;
    try {
      if (now - statSync(file).mtimeMs > staleAfterMs) rmSync(file, { force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}
