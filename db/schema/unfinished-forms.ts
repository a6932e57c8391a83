import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { IncidentFormDraft } from '../../common/inputs/unfinished-form';
import { organizations } from './organizations';
import { users } from './users';

/**
 * A new-incident form its author kept on the server before it was complete ("Unfinished forms" on
 * their incidents page): only its author ever sees it, and saving the incident erases it. Not a
 * record of the organization: no history, no review; the audit log notes that it was kept and erased.
 */
export const unfinishedForms = pgTable(
  'unfinished_forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    authorId: uuid('author_id').notNull().references(() => users.id),
    /** The organization the form was being filled in for: the author must still belong to it to see it. */
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    /** The form as typed (common/inputs/unfinished-form.ts), at most 200 kB. */
    form: jsonb('form').$type<IncidentFormDraft>().notNull(),
    /** The title as typed so far, to list the form by (empty when none was typed). */
    title: text('title').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('unfinished_forms_author').on(t.authorId, t.updatedAt)],
);
