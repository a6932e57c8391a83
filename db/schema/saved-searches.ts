import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { users } from './users';

/**
 * A named set of the incident list's filters, kept on the server (never in an address: the words may
 * name a protected person). Its owner sees it; shared, every member of its organization does. With
 * `notify`, the owner gets an in-app notice when a new incident matches (cli/saved-searches-notify.ts).
 */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    ownerId: uuid('owner_id').notNull().references(() => users.id),
    name: text('name').notNull(),
    /** The list's filters as its input schema reads them (common/inputs/saved-search.ts). */
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull(),
    shared: boolean('shared').notNull().default(false),
    notify: boolean('notify').notNull().default(false),
    /** Incidents created up to this moment have been checked for notices. */
    checkedUpTo: timestamp('checked_up_to', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('saved_searches_owner').on(t.ownerId), index('saved_searches_org_shared').on(t.organizationId, t.shared)],
);
