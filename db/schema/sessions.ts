import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * Signed-in sessions, checked on every request so that one can be ended at once (sign-out, a new
 * password, deactivation, "sign out everywhere"). The browser holds a random id inside the
 * encrypted next-auth cookie; only its SHA-256 is stored, so a copy of this table lets nobody in.
 * Ended rows stay (with why) so that a later sign-in can tell a known device from a new one.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    idHash: text('id_hash').notNull().unique(),
    /** "Firefox on Windows": from the user agent, for the person to recognise their devices. */
    deviceLabel: text('device_label').notNull(),
    /** The address with its last part dropped (a /24 or /48 network): enough to recognise, not to locate. */
    coarseAddress: text('coarse_address'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the person last proved who they are in this session (password or second factor), for re-authentication. */
    authenticatedAt: timestamp('authenticated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Signed in with the password of an account that has a second factor, which has not been given
     * yet: such a session reaches only the second-factor step (server/auth/factors/gate.ts).
     */
    secondFactorPending: boolean('second_factor_pending').notNull().default(false),
    /** The WebAuthn challenge last issued to this session, and until when it may be answered. */
    webauthnChallenge: text('webauthn_challenge'),
    webauthnChallengeExpiresAt: timestamp('webauthn_challenge_expires_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** sign_out, sign_out_everywhere, password_changed, deactivated, removed, factors_changed, ended_by_owner */
    endReason: text('end_reason'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * Notices about the person's own account, shown in the workspace until dismissed: for now, a
 * sign-in from a device (label and network) not seen before. They carry nothing of any record.
 */
export const accountNotices = pgTable(
  'account_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    kind: text('kind').notNull().$type<'new_device_sign_in'>(),
    deviceLabel: text('device_label').notNull(),
    coarseAddress: text('coarse_address'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }),
    /** When `npm run notify:email` sent it by email too (server/auth/new-device-email.ts); null while not. */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [index('account_notices_user').on(t.userId, t.dismissedAt)],
);
