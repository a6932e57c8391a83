/**
 * The test databases themselves: every integration file's database is a copy of a migrated template
 * (tests/support/template-database.ts) rather than an empty database migrated on the spot, so a copy
 * must hold exactly what migrating gives; and the templates of other migrations must not pile up.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres, type Db } from '@/db/client';
import { applyMigrations } from '@/db/migrate';
import { rowsOf } from '@/db/rows';
import { createTestDatabase, testServerUrl } from '../support/database';
import { prepareTemplates, templateName } from '../support/template-database';

const admin = postgres(testServerUrl(), { max: 1, onnotice: () => {} });
afterAll(() => admin.end());

const urlOf = (name: string) => {
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
};

/** What a migrated database holds, one line per column, index, view, trigger, function, grant, extension, sequence, table's row count and applied migration. */
async function contents(db: Db): Promise<string[]> {
  const rows = rowsOf<{ line: string }>(
    await db.execute(
      sql.raw(`
      SELECT format('column %s.%s.%s %s null:%s default:%s', table_schema, table_name, column_name, data_type, is_nullable, column_default) AS line
        FROM information_schema.columns WHERE table_schema IN ('public', 'drizzle')
      UNION ALL SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname IN ('public', 'drizzle')
      UNION ALL SELECT format('view %s: %s', viewname, definition) FROM pg_views WHERE schemaname = 'public'
      UNION ALL SELECT format('trigger %s', pg_get_triggerdef(oid)) FROM pg_trigger WHERE NOT tgisinternal
      UNION ALL SELECT format('function %s', pg_get_functiondef(p.oid)) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prokind = 'f' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
      UNION ALL SELECT format('grant %s %s on %s', grantee, privilege_type, table_name) FROM information_schema.role_table_grants WHERE table_schema = 'public'
      UNION ALL SELECT format('extension %s %s', extname, extversion) FROM pg_extension
      UNION ALL SELECT format('sequence %s %s', sequencename, last_value) FROM pg_sequences
      UNION ALL SELECT format('rows %s.%s %s', schemaname, tablename,
          (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', schemaname, tablename), false, true, '')))[1]::text)
        FROM pg_tables WHERE schemaname IN ('public', 'drizzle')
      UNION ALL SELECT format('migration %s %s', hash, created_at) FROM drizzle.__drizzle_migrations`),
    ),
  );
  return rows.map((row) => row.line).sort();
}

describe('the integration tests’ databases', () => {
  it('a copy of the template holds what migrating an empty database gives', async () => {
    const name = `hrd_test_migrated_${randomBytes(4).toString('hex')}`;
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const migrated = openPostgres(urlOf(name), { max: 1 });
    const copy = await createTestDatabase();
    try {
      await applyMigrations(migrated);
      const expected = await contents(migrated.db);
      expect(expected.filter((line) => line.startsWith('migration '))).not.toEqual([]);
      expect(await contents(copy.db)).toEqual(expected);
    } finally {
      await copy.close();
      await migrated.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });

  it('the global setup drops the templates of other migrations unused for hours and half-made ones, and keeps the others', async () => {
    const other = () => `hrd_template_${randomBytes(8).toString('hex')}`;
    const note = (at: Date) => `HRD Monitor test template (tests/support/template-database.ts), last used at ${at.toISOString()}`;
    const [stale, recent, halfMade] = [other(), other(), `${other()}_making`];
    try {
      for (const name of [stale, recent, halfMade]) await admin.unsafe(`CREATE DATABASE ${name}`);
      await admin.unsafe(`COMMENT ON DATABASE ${stale} IS '${note(new Date(Date.now() - 4 * 3600_000))}'`);
      await admin.unsafe(`COMMENT ON DATABASE ${recent} IS '${note(new Date(Date.now() - 3600_000))}'`);

      expect(await prepareTemplates(testServerUrl())).toBe(templateName());

      const left = (await admin<{ name: string }[]>`SELECT datname AS name FROM pg_database WHERE datname IN ${admin([stale, recent, halfMade, templateName()])}`).map((row) => row.name);
      expect(left.sort()).toEqual([recent, templateName()].sort());
    } finally {
      for (const name of [stale, recent, halfMade]) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
});
