/**
 * The permission matrix's world: the database, two organizations, a person of each kind, and
 * builders of records in any state. Read through live bindings by the policy tables.
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { rowsOf } from '@/db/rows';
import type { ReviewStatus } from '@/db/schema';
import { createTestDatabase } from '../database';
import { createOrganization, createUser, seedVocabulary } from '../factories';
import type { Actor, CaseSubject, Subject } from './rules';

export let database: Database;
export let organizationId: string;
export let otherOrganizationId: string;
export const people = {} as Record<Exclude<Actor, 'anonymous'>, { id: string }>;

/** Two organizations and a person of each kind; the records are made per call by the builders below. */
export async function openWorld(): Promise<void> {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  organizationId = (await createOrganization(database.db)).id;
  const other = await createOrganization(database.db);
  otherOrganizationId = other.id;
  people.author = await createUser(database.db, organizationId, 'monitor');
  people.colleague = await createUser(database.db, organizationId, 'monitor');
  people.outsider = await createUser(database.db, other.id, 'monitor');
  people.reviewer = await createUser(database.db, organizationId, 'reviewer');
  people.authorReviewer = await createUser(database.db, organizationId, 'reviewer');
  people.admin = await createUser(database.db, organizationId, 'admin');
}

export async function closeWorld(): Promise<void> {
  await database?.close();
}

/** A record in the given state, written by the author (or by the reviewer-author when that is who acts). */
export async function subjectFor(actor: Actor, state: ReviewStatus, deleted: boolean, publishedBefore = state === 'published'): Promise<Subject> {
  const authorId = actor === 'authorReviewer' ? people.authorReviewer.id : people.author.id;
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`
      INSERT INTO incidents (organization_id, ref, title, start_date, date_precision, country, location_precision,
                             violation_types, review_status, version, published_version, created_by, updated_by, deleted_at, deleted_by)
      VALUES (${organizationId}, 'inc:' || md5(random()::text), 'Matrix subject', '2017-05-01', 'month', 'KZ', 'country',
              ARRAY['threats'], ${state}::review_status, 3, ${publishedBefore ? (state === 'published' ? 3 : 2) : null}, ${authorId}, ${authorId},
              ${deleted ? sql`now()` : null}, ${deleted ? authorId : null})
      RETURNING id`),
  );
  return { id: row!.id, version: 3, organizationId, state, deleted };
}

/** A case in the given state, written by the author (or the reviewer-author), with one part of each kind. */
export async function caseSubjectFor(actor: Actor, state: ReviewStatus, deleted = false): Promise<CaseSubject> {
  const authorId = actor === 'authorReviewer' ? people.authorReviewer.id : people.author.id;
  const incident = await subjectFor(actor, 'draft', false);
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`
      INSERT INTO cases (organization_id, ref, title, review_status, version, published_version, created_by, updated_by, deleted_at, deleted_by)
      VALUES (${organizationId}, 'case:' || md5(random()::text), 'Matrix case', ${state}::review_status, 3,
              ${state === 'published' ? 3 : null}, ${authorId}, ${authorId}, ${deleted ? sql`now()` : null}, ${deleted ? authorId : null})
      RETURNING id`),
  );
  const [event] = rowsOf<{ id: number }>(
    await database.db.execute(sql`INSERT INTO case_legal_events (case_id, kind, date, date_precision) VALUES (${row!.id}, 'charges', '2017-01-01', 'month') RETURNING id`),
  );
  const [intervention] = rowsOf<{ id: number }>(
    await database.db.execute(sql`
      INSERT INTO case_interventions (case_id, position, date, kind, reply_due_on) VALUES (${row!.id}, 0, '2017-12-12', 'un_communication', '2018-02-10')
      RETURNING id`),
  );
  return { id: row!.id, version: 3, organizationId, state, deleted, incidentId: incident.id, legalEventId: event!.id, interventionId: intervention!.id };
}

/** An evidence file the author uploaded to a fresh incident of the organization (its bytes are not needed here). */
export async function aFileIn(organizationId: string, options: { deleted?: boolean } = {}): Promise<string> {
  const incident = await subjectFor('author', 'draft', false);
  const id = randomUUID();
  await database.db.execute(sql`
    INSERT INTO evidence_files (id, organization_id, subject_kind, subject_id, title, media_type, size, sha256, storage_key, wrapped_key, key_version, uploaded_by, deleted_at, deleted_by)
    VALUES (${id}, ${organizationId}, 'incident', ${incident.id}, 'matrix.pdf', 'application/pdf', 10, ${'a'.repeat(64)}, ${'b'.repeat(64)}, 'unused', 1,
            ${people.author.id}, ${options.deleted ? sql`now()` : null}, ${options.deleted ? people.author.id : null})`);
  return id;
}

/**
 * A file of an incident that is shared with the other organization (whose member is the outsider),
 * the file itself shared with it too when asked.
 */
export async function aSharedFileIn(organizationId: string, options: { fileShared: boolean }): Promise<string> {
  const id = await aFileIn(organizationId);
  await database.db.execute(sql`
    INSERT INTO incident_shares (incident_id, organization_id, shared_by)
    SELECT subject_id::uuid, ${otherOrganizationId}, ${people.reviewer.id} FROM evidence_files WHERE id = ${id}`);
  if (options.fileShared) await database.db.execute(sql`INSERT INTO evidence_file_shares (file_id, organization_id, shared_by) VALUES (${id}, ${otherOrganizationId}, ${people.reviewer.id})`);
  return id;
}

/** A person record of the organization, for the person procedures (persons have no review state). */
export async function aPersonIn(organizationId: string): Promise<string> {
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`INSERT INTO persons (organization_id, ref, name) VALUES (${organizationId}, 'person:' || md5(random()::text), 'Matrix person') RETURNING id`),
  );
  return row!.id;
}

/** A search the author saved and shared with the organization. */
export async function aSavedSearchIn(organizationId: string): Promise<string> {
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`
      INSERT INTO saved_searches (organization_id, owner_id, name, filters, shared) VALUES (${organizationId}, ${people.author.id}, 'Matrix search', '{}'::jsonb, true) RETURNING id`),
  );
  return row!.id;
}

/** A half-filled new-incident form the author kept on the server (its content does not matter here). */
export async function anUnfinishedFormIn(organizationId: string): Promise<string> {
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`
      INSERT INTO unfinished_forms (organization_id, author_id, form, title) VALUES (${organizationId}, ${people.author.id}, '{}'::jsonb, 'Matrix form') RETURNING id`),
  );
  return row!.id;
}

/** A documented organization or a source of the organization, as an import leaves them (no author). */
export async function aDirectoryRecordIn(table: 'documented_organizations' | 'sources', organizationId: string): Promise<string> {
  const column = table === 'sources' ? sql.raw('title') : sql.raw('name');
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`INSERT INTO ${sql.raw(table)} (organization_id, ref, ${column}) VALUES (${organizationId}, 'rec:' || md5(random()::text), 'Matrix record') RETURNING id`),
  );
  return row!.id;
}


/** A fresh member of the organization (a monitor), for the admin procedures that act on a person. */
export async function aMemberOf(organizationId: string, options: { active?: boolean } = {}): Promise<string> {
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`
      WITH u AS (INSERT INTO users (email, name, password_hash, active)
                 VALUES ('member-' || md5(random()::text) || '@example.org', 'Matrix member', 'unusable', ${options.active ?? true}) RETURNING id)
      INSERT INTO memberships (user_id, organization_id, role) SELECT id, ${organizationId}, 'monitor' FROM u RETURNING user_id AS id`),
  );
  return row!.id;
}

/** An unanswered invitation to the organization (for a fresh email unless one is given); its id and token. */
export async function anInvitation(organizationId: string, email = `invited-${randomUUID()}@example.org`): Promise<{ id: string; token: string }> {
  const token = randomUUID();
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`
      INSERT INTO invitations (organization_id, email, name, role, token_hash, expires_at)
      VALUES (${organizationId}, ${email}, 'Matrix invitee', 'monitor', ${createHash('sha256').update(token).digest('hex')}, now() + interval '1 day') RETURNING id`),
  );
  return { id: row!.id, token };
}

/** A live session of a fresh person of the other organization; returns its id. */
export async function aSessionOfSomeoneElse(): Promise<string> {
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`
      INSERT INTO sessions (user_id, id_hash, device_label) VALUES (${await aMemberOf(otherOrganizationId)}, md5(random()::text), 'Firefox on Linux') RETURNING id`),
  );
  return row!.id;
}

/** A user with an unused set-password link; returns the link's token. */
export async function aSetPasswordLink(): Promise<string> {
  const token = randomUUID();
  await database.db.execute(sql`
    WITH u AS (INSERT INTO users (email, name, password_hash) VALUES ('link-' || md5(random()::text) || '@example.org', 'Matrix invitee', 'unusable') RETURNING id)
    INSERT INTO set_password_links (user_id, token_hash, expires_at)
    SELECT id, ${createHash('sha256').update(token).digest('hex')}, now() + interval '1 day' FROM u`);
  return token;
}

