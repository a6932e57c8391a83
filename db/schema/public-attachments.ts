import { bigint, pgView, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The public copies of evidence files (a view, made in migration 0024, its rule changed in 0036): what the public side may
 * read of them. Defined by hand there; declared here for typed queries.
 */
export const publicAttachments = pgView('public_attachments', {
  id: uuid('id').notNull(),
  subjectKind: text('subject_kind').notNull(),
  subjectId: uuid('subject_id').notNull(),
  title: text('title').notNull(),
  mediaType: text('media_type').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  markedAt: timestamp('marked_at', { withTimezone: true, mode: 'string' }).notNull(),
}).existing();
