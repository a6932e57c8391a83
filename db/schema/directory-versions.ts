import { bigserial, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { directoryKinds } from '../../common/values';
import { organizations } from './organizations';
import { users } from './users';

/** The records of an organization's directory that can be edited after they were saved. */
export const directoryKindEnum = pgEnum('directory_kind', directoryKinds);
export type DirectoryKind = (typeof directoryKindEnum.enumValues)[number];

/**
 * Append-only (the database refuses UPDATE and DELETE): every version of a person, documented
 * organization or source as it stood, one table for the three kinds so that one module records and
 * reads them. A record edited for the first time gets its state before the edit kept too.
 */
export const directoryVersions = pgTable(
  'directory_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: directoryKindEnum('kind').notNull(),
    recordId: uuid('record_id').notNull(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    /** Null for the state a record had before its first edit (saved by an import or an incident form). */
    savedBy: uuid('saved_by').references(() => users.id),
    /** 'edit', or 'before-edit' for the state kept just before a record's first edit. */
    savedVia: text('saved_via').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('directory_versions_record_version').on(t.kind, t.recordId, t.version), index('directory_versions_record').on(t.recordId)],
);
