import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { memberships, organizations, passkeys, totpFactors, users } from '@/db/schema';
import type { Viewer } from '../policy/viewer';
import { policyRequires } from './factors/policy';

/** The account's second factors as the sign-in gate needs them (./factors/gate.ts). */
export type FactorRequirement = { enrolled: boolean; required: boolean };

type Row = Pick<typeof users.$inferSelect, 'id' | 'email' | 'name' | 'active'> & {
  enrolled: boolean;
  memberships: (Viewer['memberships'][number] & { secondFactorPolicy: (typeof organizations.$inferSelect)['secondFactorPolicy'] })[];
};

/**
 * The signed-in account as the server sees it on this request, read fresh from the database, so a
 * deactivation or a role change takes effect on the very next request, with what its second-factor
 * gate needs: one statement, since every signed-in request runs it (it was three). Null when the
 * account no longer exists or has been deactivated.
 */
export async function loadSignedIn(db: DbOrTx, userId: string): Promise<SignedIn | null> {
  const row = await readAccount(db, userId);
  return row ? signedInOf(row) : null;
}

/**
 * Whether the person has a second factor (a confirmed authenticator app or a passkey), and whether
 * any organization they belong to requires one of them, active account or not.
 */
export async function factorRequirementOf(db: DbOrTx, userId: string): Promise<FactorRequirement> {
  const row = await readAccount(db, userId);
  return (row ? accountOf(row)?.factors : null) ?? { enrolled: false, required: false };
}

/** A signed-in account as every request needs it: who they are, and what their second-factor gate needs. */
export type SignedIn = { viewer: Viewer; factors: FactorRequirement };

/**
 * The account's columns (`Row`), for a statement whose FROM has `users`: the account's own read
 * below, and a request's session read with its account in one statement (./request-session.ts).
 */
export const accountColumns = sql`
  ${users.id} AS id, ${users.email} AS email, ${users.name} AS name, ${users.active} AS active,
  (EXISTS (SELECT 1 FROM ${totpFactors} WHERE ${totpFactors.userId} = ${users.id} AND ${totpFactors.confirmedAt} IS NOT NULL)
    OR EXISTS (SELECT 1 FROM ${passkeys} WHERE ${passkeys.userId} = ${users.id})) AS enrolled,
  COALESCE((
    SELECT json_agg(json_build_object(
        'organizationId', ${organizations.id}, 'role', ${memberships.role}, 'organizationName', ${organizations.name},
        'organizationSlug', ${organizations.slug}, 'secondFactorPolicy', ${organizations.secondFactorPolicy})
      ORDER BY ${organizations.name})
    FROM ${memberships} JOIN ${organizations} ON ${organizations.id} = ${memberships.organizationId}
    WHERE ${memberships.userId} = ${users.id}), '[]') AS memberships`;

/** A row of `accountColumns`, all null when a LEFT JOIN found no account. */
export type AccountRow = { [K in keyof Row]: Row[K] | null };

/** The account of a row of `accountColumns`; null when there is none (a session whose account is gone). */
export function accountOf(found: AccountRow): (SignedIn & { active: boolean }) | null {
  if (!found.id) return null;
  const row = found as Row; // an account's row has every column
  // PGlite answers json as text where postgres.js parses it.
  const all: Row['memberships'] = typeof row.memberships === 'string' ? JSON.parse(row.memberships) : row.memberships;
  return {
    active: Boolean(row.active),
    viewer: {
      id: row.id,
      email: row.email,
      name: row.name,
      memberships: all.map(({ organizationId, role, organizationName, organizationSlug }) => ({ organizationId, role, organizationName, organizationSlug })),
    },
    factors: { enrolled: Boolean(row.enrolled), required: all.some((m) => policyRequires(m.secondFactorPolicy, m.role)) },
  };
}

/** The account as the request may act as it: null when it is gone or deactivated. */
export function signedInOf(row: AccountRow): SignedIn | null {
  const account = accountOf(row);
  return account?.active ? { viewer: account.viewer, factors: account.factors } : null;
}

async function readAccount(db: DbOrTx, userId: string): Promise<Row | undefined> {
  const [row] = rowsOf<Row>(await db.execute(sql`SELECT ${accountColumns} FROM ${users} WHERE ${users.id} = ${userId}`));
  return row;
}

/** The signed-in account alone (see `loadSignedIn`). */
export async function loadViewer(db: DbOrTx, userId: string): Promise<Viewer | null> {
  return (await loadSignedIn(db, userId))?.viewer ?? null;
}
