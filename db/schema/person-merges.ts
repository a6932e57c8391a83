import { bigserial, index, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { users } from './users';
import { persons } from './actors';

/**
 * Append-only: every merge of two person records of the same person. It keeps both records as they
 * were just before, the merged result, and every reference that moved (which incidents got a new
 * version, which case links and legal events were re-pointed), so that nothing a merge changed is lost.
 */
export const personMerges = pgTable(
  'person_merges',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    /** The record that remains. */
    personId: uuid('person_id').notNull().references(() => persons.id),
    /** The duplicate, now pointing at `personId` through its merged_into_id. */
    mergedPersonId: uuid('merged_person_id').notNull().references(() => persons.id),
    mergedBy: uuid('merged_by').notNull().references(() => users.id),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull().defaultNow(),
    personBefore: jsonb('person_before').notNull(),
    mergedPersonBefore: jsonb('merged_person_before').notNull(),
    personAfter: jsonb('person_after').notNull(),
    moved: jsonb('moved').notNull(),
  },
  (t) => [index('person_merges_person').on(t.personId, t.id), index('person_merges_merged_person').on(t.mergedPersonId)],
);
