import { doublePrecision, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Token buckets for per-address and per-account limits (the open-data API, set-password links,
 * workspace searches), kept in the database so that they hold across several app processes.
 * One row per key ("public:203.0.113.5"); a row that has been full for a while is removed.
 */
export const rateLimitBuckets = pgTable(
  'rate_limit_buckets',
  {
    key: text('key').primaryKey(),
    tokens: doublePrecision('tokens').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rate_limit_buckets_updated_at').on(t.updatedAt)],
);
