import { integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { reviewDecisionEnum, reviewStatusEnum } from './enums';
import { organizations } from './organizations';
import { users } from './users';

/**
 * Column sets that several tables hold alike, so that they stay alike. Functions, not objects:
 * drizzle binds each column builder to one table, so every table needs its own.
 */

/** A record one organization owns, named in the exchange format. */
export function ownedRecord() {
  return {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    /** Stable identifier in the exchange format, unique within the owning NGO. */
    ref: text('ref').notNull(),
  };
}

/** Where a record stands in review, the version being edited and the version the public sees (server/services/review/). */
export function reviewedVersions() {
  return {
    reviewStatus: reviewStatusEnum('review_status').notNull().default('draft'),
    /** Optimistic concurrency: every save names the version it edits and increments this. */
    version: integer('version').notNull().default(1),
    /**
     * The version the public sees, if any. Editing a published record makes a new draft while this
     * stays, so the public keeps the last published version until the new one is published.
     */
    publishedVersion: integer('published_version'),
  };
}

/** One saved version of a record (after its own id and the record's id): append-only history. */
export function savedVersion() {
  return {
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    savedBy: uuid('saved_by').references(() => users.id),
    /** How the version came to be: 'workspace' (the form), 'import' or 'review'. */
    savedVia: text('saved_via').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  };
}

/** Who decided what on which version of a record, with their comment (after its own id and the record's id). */
export function reviewDecision() {
  return {
    version: integer('version').notNull(),
    decision: reviewDecisionEnum('decision').notNull(),
    decidedBy: uuid('decided_by').notNull().references(() => users.id),
    comment: text('comment'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  };
}

/** When a record was made, last changed and (softly) deleted. */
export function editTimes() {
  return {
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  };
}

/** Who made, last changed and (softly) deleted a record, and when. */
export function editTrail() {
  return {
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    deletedBy: uuid('deleted_by').references(() => users.id),
    ...editTimes(),
  };
}
