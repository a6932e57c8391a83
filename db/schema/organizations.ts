import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { secondFactorPolicyEnum } from './enums';

/** An NGO working on the platform: it owns records, and its staff are its members. */
export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Who must use a second factor; reviewers and admins unless an admin chose otherwise (server/auth/factors/requirement.ts). */
  secondFactorPolicy: secondFactorPolicyEnum('second_factor_policy').notNull().default('reviewers_and_admins'),
});
