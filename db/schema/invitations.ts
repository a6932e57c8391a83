import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { roleEnum } from './enums';
import { organizations } from './organizations';
import { users } from './users';

/**
 * An organization's invitation to an email address, with a role. Adding a person never touches an
 * account directly: the person opens the one-time link and either chooses a password (no account
 * yet) or, signed in to their own account, accepts. So an admin never sets a password, never
 * attaches someone else's account without their consent, and is told the same whether the email
 * has an account or not. Only the SHA-256 of the token is kept.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    /** Lower-cased, as users.email. */
    email: text('email').notNull(),
    /** The name the admin gave: used only if a new account is made; an existing account keeps its own. */
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    /** Withdrawn by an admin, or replaced by a newer invitation of the same email to the same organization. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('invitations_organization').on(t.organizationId)],
);
