import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import type { Role, SecondFactorPolicy } from '@/db/schema';

/** Whether an organization's policy asks a member with this role for a second factor. */
export function policyRequires(policy: SecondFactorPolicy, role: Role): boolean {
  if (policy === 'everyone') return true;
  if (policy === 'reviewers_and_admins') return role === 'reviewer' || role === 'admin';
  return false;
}

/**
 * Whether the person has a second factor (a confirmed authenticator app or a passkey), and whether
 * any organization they belong to requires one of them: one query, run on every signed-in request,
 * so a new policy or a new role takes effect at once. Mirrors `policyRequires` in SQL.
 */
export async function factorRequirementOf(db: DbOrTx, userId: string): Promise<{ enrolled: boolean; required: boolean }> {
  const [row] = rowsOf<{ enrolled: boolean; required: boolean }>(
    await db.execute(sql`
      SELECT
        (EXISTS (SELECT 1 FROM totp_factors WHERE user_id = ${userId} AND confirmed_at IS NOT NULL)
          OR EXISTS (SELECT 1 FROM passkeys WHERE user_id = ${userId})) AS enrolled,
        EXISTS (SELECT 1 FROM memberships m JOIN organizations o ON o.id = m.organization_id
                WHERE m.user_id = ${userId}
                  AND (o.second_factor_policy = 'everyone'
                       OR (o.second_factor_policy = 'reviewers_and_admins' AND m.role IN ('reviewer', 'admin')))) AS required`),
  );
  return { enrolled: Boolean(row?.enrolled), required: Boolean(row?.required) };
}
