import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * One-time links with which a person sets their own password (a new account, or a reset an admin
 * asked for). Only the SHA-256 of the token is kept: the link is shown once to the admin who made
 * it, and a copy of this table does not let anyone in. A link works once and until it expires.
 */
export const setPasswordLinks = pgTable(
  'set_password_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set when the link was used, or when a newer link for the same person replaced it. */
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('set_password_links_user').on(t.userId)],
);
