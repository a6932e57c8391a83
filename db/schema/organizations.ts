import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** An NGO working on the platform: it owns records, and its staff are its members. */
export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
