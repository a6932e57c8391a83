import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { hashPassword } from '../../auth/password';
import { recordAudit } from '../audit/record';
import { invalidField } from '../errors';
import { issueSetPasswordLink, type IssuedLink } from './set-password-links';
import type { CreateUserInput } from './validation';

export type CreatedUser = {
  userId: string;
  /** The email belonged to an account already: it was added to the organization, its name and password untouched. */
  existing: boolean;
  /** Shown once to the admin, never stored: null when the admin set the password, or the account existed. */
  link: IssuedLink | null;
};

/**
 * Adds a person to the organization with a role. A new account gets either the password the admin
 * chose or a one-time link to choose their own (until then, a random password nobody knows). An
 * email that already has an account (a person working with several NGOs) only gains the membership:
 * an admin never sets the password of an account that may belong to other organizations too.
 */
export async function createUser(db: DbOrTx, actorId: string, input: CreateUserInput): Promise<CreatedUser> {
  // Hashing takes tens of milliseconds: done before the transaction, which then holds no lock meanwhile.
  const passwordHash = await hashPassword(input.access === 'password' && input.password ? input.password : randomBytes(32).toString('base64url'));
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).for('update');
    if (existing) {
      const added = await tx
        .insert(memberships)
        .values({ userId: existing.id, organizationId: input.organizationId, role: input.role })
        .onConflictDoNothing()
        .returning({ userId: memberships.userId });
      if (added.length === 0) throw invalidField(['email'], 'This person is already a member of the organization.');
      await recordAudit(tx, {
        actorId,
        action: 'membership.added',
        organizationId: input.organizationId,
        subjectType: 'user',
        subjectId: existing.id,
        details: { role: input.role },
      });
      return { userId: existing.id, existing: true, link: null };
    }

    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    // Another admin added this email a moment ago (after the check above).
    if (!user) throw invalidField(['email'], 'An account with this email was created just now. Try again to add it to the organization.');
    await tx.insert(memberships).values({ userId: user.id, organizationId: input.organizationId, role: input.role });
    const link = input.access === 'link' ? await issueSetPasswordLink(tx, { userId: user.id, createdBy: actorId }) : null;
    await recordAudit(tx, {
      actorId,
      action: 'user.created',
      organizationId: input.organizationId,
      subjectType: 'user',
      subjectId: user.id,
      details: { name: input.name, email: input.email, role: input.role, access: input.access, ...(link ? { linkExpiresAt: link.expiresAt.toISOString() } : {}) },
    });
    return { userId: user.id, existing: false, link };
  });
}
