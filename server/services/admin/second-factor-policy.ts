import 'server-only';
import type { secondFactorPolicyInput } from '@/common/inputs/second-factor';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/db/client';
import { organizations } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { notFound } from '../../errors';

/** Who in an organization must sign in with a second factor: set by its admins, audited, effective on everyone's next request. */

export async function secondFactorPolicyOf(db: DbOrTx, organizationId: string) {
  const [row] = await db.select({ policy: organizations.secondFactorPolicy }).from(organizations).where(eq(organizations.id, organizationId));
  if (!row) throw notFound('organization');
  return row.policy;
}

export function setSecondFactorPolicy(db: Db, params: z.infer<typeof secondFactorPolicyInput> & { actorId: string }): Promise<void> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ policy: organizations.secondFactorPolicy }).from(organizations).where(eq(organizations.id, params.organizationId)).for('update');
    if (!before) throw notFound('organization');
    if (before.policy === params.policy) return;
    await tx.update(organizations).set({ secondFactorPolicy: params.policy }).where(eq(organizations.id, params.organizationId));
    await recordAudit(tx, {
      actorId: params.actorId,
      action: 'organization.second_factor_policy_changed',
      organizationId: params.organizationId,
      subjectType: 'organization',
      subjectId: params.organizationId,
      details: { from: before.policy, to: params.policy },
    });
  });
}
