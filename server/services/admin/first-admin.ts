import 'server-only';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { memberships, organizations, users } from '@/db/schema';
import { hashPassword } from '../../auth/password';
import { recordAudit } from '../audit/record';
import { issueSetPasswordLink, type IssuedLink } from './set-password-links';

/**
 * An administrator made from the command line (`npm run admin:create`): the way into a new
 * deployment, where nobody can sign in to make the first account. No password ever passes through
 * the command line (it would stay in the shell history and the process list): the person gets a
 * one-time set-password link, the same kind an admin gives a new colleague.
 */
// Each message is a dictionary key: the command words it in the operator's language, naming the option.
export const commandLineAdminInput = z.object({
  email: z.string().trim().toLowerCase().email('cli.admin.problem.email').max(320, 'cli.admin.problem.tooLong'),
  name: z.string().trim().min(1, 'cli.admin.problem.empty').max(200, 'cli.admin.problem.tooLong'),
  orgSlug: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'cli.admin.problem.slug')
    .max(100, 'cli.admin.problem.tooLong'),
  orgName: z.string().trim().min(1, 'cli.admin.problem.empty').max(200, 'cli.admin.problem.tooLong').optional(),
});
export type CommandLineAdminInput = z.infer<typeof commandLineAdminInput>;

/** Refused with a message that says what to do instead. */
export class AccountExistsError extends Error {
  constructor(readonly email: string) {
    super(
      `An account with the email ${email} exists already; nothing was changed. ` +
        'To make it an administrator of an organization, an administrator of that organization adds it on the People page of the admin area; ' +
        'to give it a new set-password link, an administrator of one of its organizations asks for one there. ' +
        'To make another administrator from the command line, use an email that has no account yet.',
    );
    this.name = 'AccountExistsError';
  }
}

export type CommandLineAdmin = {
  organization: { id: string; slug: string; name: string; created: boolean };
  userId: string;
  link: IssuedLink;
};

/**
 * Creates the organization when missing, an account with admin role in it and a set-password
 * link, with their audit rows, in one transaction. The actor of the audit rows is nobody (null):
 * the command runs with the database's credentials, not as a person of the app.
 */
export async function createCommandLineAdmin(db: DbOrTx, input: CommandLineAdminInput): Promise<CommandLineAdmin> {
  // Until the link is used, the account's password is random and known to nobody.
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (taken) throw new AccountExistsError(input.email);

    let [organization] = await tx.select().from(organizations).where(eq(organizations.slug, input.orgSlug));
    const created = !organization;
    if (!organization) {
      [organization] = await tx.insert(organizations).values({ slug: input.orgSlug, name: input.orgName ?? input.orgSlug }).onConflictDoNothing().returning();
      // Made by another command a moment ago: use it.
      organization ??= (await tx.select().from(organizations).where(eq(organizations.slug, input.orgSlug)))[0]!;
    }

    const [user] = await tx.insert(users).values({ email: input.email, name: input.name, passwordHash }).onConflictDoNothing({ target: users.email }).returning({ id: users.id });
    if (!user) throw new AccountExistsError(input.email);
    await tx.insert(memberships).values({ userId: user.id, organizationId: organization.id, role: 'admin' });
    const link = await issueSetPasswordLink(tx, { userId: user.id, createdBy: null });
    await recordAudit(tx, {
      actorId: null,
      action: 'user.created',
      organizationId: organization.id,
      subjectType: 'user',
      subjectId: user.id,
      details: { name: input.name, email: input.email, role: 'admin', access: 'link', via: 'cli', organizationCreated: created, linkExpiresAt: link.expiresAt.toISOString() },
    });
    return { organization: { id: organization.id, slug: organization.slug, name: organization.name, created }, userId: user.id, link };
  });
}

/** True while the database has no account at all: the sign-in page then says how to make the first one. */
export async function noAccountExists(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ one: sql<number>`1` }).from(users).limit(1);
  return rows.length === 0;
}
