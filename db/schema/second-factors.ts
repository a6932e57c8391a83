import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * A person's authenticator app (TOTP). The secret is sealed with AES-256-GCM under a key derived
 * from the installation's master key (server/auth/factors/secret-box.ts), so a copy of the database
 * alone does not let anyone compute codes. Unconfirmed until the person has typed one code from it.
 */
export const totpFactors = pgTable('totp_factors', {
  userId: uuid('user_id').primaryKey().references(() => users.id),
  sealedSecret: text('sealed_secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The 30-second step of the last code accepted: that code, and any older one, is refused (no replay). */
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
});

/** Ten one-time codes for a lost phone or key, kept only as argon2id hashes; each works once. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_codes_user').on(t.userId)],
);

/** A person's WebAuthn credentials (passkeys, security keys). The public key only: nothing here signs in anyone. */
export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    /** The credential id, base64url, as the browser names it. */
    credentialId: text('credential_id').notNull().unique(),
    /** The COSE public key, base64url. */
    publicKey: text('public_key').notNull(),
    counter: integer('counter').notNull().default(0),
    transports: text('transports').array().notNull().default([]),
    /** What the person called it ("Work laptop"), or the device it was made on. */
    label: text('label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('passkeys_user').on(t.userId)],
);
