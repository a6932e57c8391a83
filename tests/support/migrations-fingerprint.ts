import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { migrationsFolder } from '@/db/migrate';

/**
 * What decides the contents of a freshly migrated database: every file of the migrations folder
 * (SQL and drizzle-kit's journal) and the two modules of the migrate step (db/migrate.ts runs them,
 * then db/public-role.ts grants the public role). The migrated templates the tests copy
 * (template-database.ts, embedded-template.ts) are named by this hash, so that a change to any of
 * these makes new ones instead of copying an outdated one.
 */
const inputs = [migrationsFolder, path.join(migrationsFolder, '..', 'migrate.ts'), path.join(migrationsFolder, '..', 'public-role.ts')];

/** 16 hex digits of a SHA-256 over the names and contents of those files. */
export function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(filesUnder)) {
    hash.update(`${path.relative(path.dirname(migrationsFolder), file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function filesUnder(entry: string): string[] {
  if (statSync(entry).isFile()) return [entry];
  const entries = readdirSync(entry, { withFileTypes: true, recursive: true });
  return entries
    .filter((dirent) => dirent.isFile())
    .map((dirent) => path.join(dirent.parentPath, dirent.name))
    .sort();
}
