import { getTableName, sql } from 'drizzle-orm';
import type { Db } from './client';
import { publicCases, publicIncidentCounts, publicIncidentCountsState, publicIncidentExports, publicIncidents } from './schema/public';
import { publicPlaceCounts, publicPlaceNames } from './schema/public-places';
import { vocabularyTerms } from './schema/vocabularies';

/**
 * What the role hrd_public may read (server/public/db.ts reads as it): the public read model and
 * the vocabulary labels, nothing else. This list is the one place that says so; a new public table
 * goes here too.
 */
export const publicRoleTables = [publicIncidents, publicIncidentExports, publicIncidentCounts, publicIncidentCountsState, publicPlaceCounts, publicPlaceNames, publicCases, vocabularyTerms].map((table) =>
  getTableName(table),
);
// The public copies of evidence files: a view (db/schema/public-attachments.ts), granted like a table.
(publicRoleTables as string[]).push('public_attachments');

/**
 * Gives hrd_public, when it exists, exactly its grants, and makes the migrating user a member so
 * that the app can SET ROLE to it; harmless to run again. The migrations grant as they go, but only
 * to a role that exists when they run, and an applied migration never runs again: a role that an
 * administrator creates later gets its grants here, at the next migrate (see README, The public side).
 */
export async function grantPublicRole(db: Db): Promise<void> {
  const tables = publicRoleTables.map((name) => `"${name.replace(/"/g, '""')}"`).join(', ');
  await db.execute(
    sql.raw(`DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hrd_public') THEN
    -- SET ROLE needs membership unless the user is a superuser (as in 0006_public_role.sql).
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND rolsuper) AND NOT pg_has_role(current_user, 'hrd_public', 'MEMBER') THEN
      BEGIN
        EXECUTE format('GRANT hrd_public TO %I', current_user);
      EXCEPTION WHEN insufficient_privilege OR unique_violation OR duplicate_object THEN
        RAISE NOTICE 'could not make % a member of hrd_public', current_user;
      END;
    END IF;
    BEGIN
      GRANT USAGE ON SCHEMA public TO hrd_public;
    EXCEPTION WHEN insufficient_privilege THEN
      NULL; -- PUBLIC has USAGE on schema public by default
    END;
    GRANT SELECT ON TABLE ${tables} TO hrd_public;
  END IF;
END
$$`),
  );
}
