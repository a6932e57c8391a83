import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Who did what, when: sign-ins, state changes, role changes, imports, exports. Append-only (the
 * database refuses UPDATE and DELETE) and tamper-evident: each row's hash covers its content and
 * the previous row's hash, so `npm run audit:verify` finds the first altered row.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    organizationId: uuid('organization_id'),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    previousHash: text('previous_hash').notNull(),
    hash: text('hash').notNull(),
    /**
     * Which audit key made `hash` (an HMAC-SHA-256; the key itself is never in the database); null for
     * rows written before the chain was keyed, whose hash is a plain SHA-256 (server/services/audit/key.ts).
     */
    keyId: text('key_id'),
  },
  (t) => [index('audit_log_org_at').on(t.organizationId, t.id), index('audit_log_actor').on(t.actorId, t.id)],
);
