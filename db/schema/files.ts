import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { RedactionBox } from '../../common/redaction-boxes';
import { evidenceSubjects } from '../../common/values';
import { organizations } from './organizations';
import { users } from './users';

/**
 * Each organization's key for evidence files, wrapped (AES-256-GCM) by the master key from the
 * environment. A new version is made on rotation; file keys name the version that wraps them.
 */
export const organizationFileKeys = pgTable(
  'organization_file_keys',
  {
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    version: integer('version').notNull(),
    /** base64 of nonce, ciphertext and tag. */
    wrappedKey: text('wrapped_key').notNull(),
    /** Which master key wraps it (a fingerprint, never the key), so a rotation knows what to re-wrap. */
    masterKeyId: text('master_key_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.version] })],
);

export const evidenceSubjectEnum = pgEnum('evidence_subject', evidenceSubjects);
export type { EvidenceSubject } from '../../common/values';

/** A region an image's public copy blacks out, in fractions of the width and height (0..1). */
export type { RedactionBox };

/**
 * An evidence file attached to an incident, a source, a case or a legal event. The bytes live in
 * the file store, encrypted under a key of their own (wrapped here by the organization's key).
 * `title` is the file's name as the uploader gave it: data, never a path.
 */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    subjectKind: evidenceSubjectEnum('subject_kind').notNull(),
    /** The incident, source or case id (uuid) or the legal event id (a number), as text. */
    subjectId: text('subject_id').notNull(),
    title: text('title').notNull(),
    /** Sniffed from the bytes, never taken from the browser. */
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** SHA-256 of the original bytes (what the uploader's browser and the evidence package show). */
    sha256: text('sha256').notNull(),
    /** Name of the encrypted bytes in the store (SHA-256 of the ciphertext). */
    storageKey: text('storage_key').notNull(),
    wrappedKey: text('wrapped_key').notNull(),
    keyVersion: integer('key_version').notNull(),
    /** When the file says, or the uploader says, it was made (e.g. the photo's file date). */
    capturedAt: timestamp('captured_at', { withTimezone: true, mode: 'string' }),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** A reviewer's decision that the file goes public with its published record (as a derivative). */
    markedPublicBy: uuid('marked_public_by').references(() => users.id),
    markedPublicAt: timestamp('marked_public_at', { withTimezone: true, mode: 'string' }),
    redactions: jsonb('redactions').$type<RedactionBox[]>().notNull().default([]),
    /**
     * The public copy, made when a reviewer marks the file public: a derivative without metadata
     * (and with the redactions burned in), stored unencrypted under its own SHA-256. The public
     * title is the reviewer's; the uploader's file name may hold a confidential name.
     */
    publicId: uuid('public_id').unique(),
    publicTitle: text('public_title'),
    publicMediaType: text('public_media_type'),
    publicSize: bigint('public_size', { mode: 'number' }),
    publicSha256: text('public_sha256'),
    deletedBy: uuid('deleted_by').references(() => users.id),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('evidence_files_subject').on(t.subjectKind, t.subjectId),
    index('evidence_files_org').on(t.organizationId, t.uploadedAt),
    check('evidence_files_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('evidence_files_size_positive', sql`${t.size} >= 0`),
  ],
);

/** A file the owner shares explicitly with another organization (shared incidents carry no files otherwise). */
export const evidenceFileShares = pgTable(
  'evidence_file_shares',
  {
    fileId: uuid('file_id').notNull().references(() => evidenceFiles.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    sharedBy: uuid('shared_by').references(() => users.id),
    sharedAt: timestamp('shared_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.organizationId] })],
);
