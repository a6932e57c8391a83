import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { invitations, memberships, organizations, users } from '@/db/schema';
import { hashPassword } from '../../auth/password';
import { recordAudit } from '../audit/record';
import { badRequest, invalidField, notFound } from '../../errors';
import { type CreateUserInput } from '@/common/inputs/admin';

/**
 * Adding a person to an organization, with their consent (issue 13). The admin gets a one-time
 * link, the same whether the email has an account or not, and the person opens it: with no account
 * yet they choose their password there; with an account, they sign in and accept. The admin never
 * sets a password, and cannot attach another organization's member (whose password an admin of
 * that organization might know) without the link that only the real person receives.
 */
export const invitationDays = 7;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export type IssuedInvitation = { invitationId: string; link: { token: string; expiresAt: Date } };

export async function invite(db: DbOrTx, actorId: string, input: CreateUserInput): Promise<IssuedInvitation> {
  return db.transaction(async (tx) => {
    // A member already is visible on the admin's own page, so saying so tells nothing new.
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, input.organizationId), eq(users.email, input.email)));
    if (member) throw invalidField(['email'], 'admin.alreadyMember');
    // A newer invitation of the same email replaces the older one: only the last link works.
    await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(invitations.organizationId, input.organizationId), eq(invitations.email, input.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + invitationDays * 24 * 60 * 60 * 1000);
    const [row] = await tx
      .insert(invitations)
      .values({ organizationId: input.organizationId, email: input.email, name: input.name, role: input.role, tokenHash: tokenHash(token), createdBy: actorId, expiresAt })
      .returning({ id: invitations.id });
    await recordAudit(tx, {
      actorId,
      action: 'invitation.created',
      organizationId: input.organizationId,
      subjectType: 'invitation',
      subjectId: row!.id,
      details: { name: input.name, email: input.email, role: input.role, linkExpiresAt: expiresAt.toISOString() },
    });
    return { invitationId: row!.id, link: { token, expiresAt } };
  });
}

const refused = () =>
  badRequest('invitation.notUsable');

/** The live invitation of a token, locked when in a transaction that will use it. */
async function liveInvitation(db: DbOrTx, token: string, lock: boolean) {
  const query = db
    .select({ id: invitations.id, organizationId: invitations.organizationId, organizationName: organizations.name, email: invitations.email, name: invitations.name, role: invitations.role })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(and(eq(invitations.tokenHash, tokenHash(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`)));
  const [row] = lock ? await query.for('update', { of: invitations }) : await query;
  if (!row) throw refused();
  return row;
}

/** What the invitation page shows: which organization, which role, for which email. Nothing about any account. */
export async function describeInvitation(db: DbOrTx, token: string) {
  const { organizationName, email, role } = await liveInvitation(db, token, false);
  return { organizationName, email, role };
}

async function join(tx: Tx, invitation: { id: string; organizationId: string; role: CreateUserInput['role'] }, userId: string) {
  await tx.insert(memberships).values({ userId, organizationId: invitation.organizationId, role: invitation.role }).onConflictDoNothing();
  await tx.update(invitations).set({ acceptedAt: sql`now()`, acceptedBy: userId }).where(eq(invitations.id, invitation.id));
  await recordAudit(tx, {
    actorId: userId,
    action: 'invitation.accepted',
    organizationId: invitation.organizationId,
    subjectType: 'user',
    subjectId: userId,
    details: { invitationId: invitation.id, role: invitation.role },
  });
}

/** The signed-in person accepts an invitation to their own email address. */
export async function acceptInvitation(db: DbOrTx, viewer: { id: string; email: string }, token: string): Promise<{ organizationId: string }> {
  return db.transaction(async (tx) => {
    const invitation = await liveInvitation(tx, token, true);
    if (invitation.email !== viewer.email) {
      throw badRequest('invitation.otherEmail', { email: invitation.email });
    }
    await join(tx, invitation, viewer.id);
    return { organizationId: invitation.organizationId };
  });
}

/**
 * Someone with no account yet: the account is made with the password they choose, and joins. An
 * email that has an account must sign in and accept instead; only the holder of the link reads that.
 */
export async function joinWithNewAccount(db: DbOrTx, params: { token: string; password: string }): Promise<{ email: string }> {
  const passwordHash = await hashPassword(params.password);
  return db.transaction(async (tx) => {
    const invitation = await liveInvitation(tx, params.token, true);
    const [user] = await tx.insert(users).values({ email: invitation.email, name: invitation.name, passwordHash }).onConflictDoNothing({ target: users.email }).returning({ id: users.id });
    if (!user) {
      throw badRequest('invitation.accountExists');
    }
    await recordAudit(tx, { actorId: user.id, action: 'user.created', organizationId: invitation.organizationId, subjectType: 'user', subjectId: user.id, details: { via: 'invitation' } });
    await join(tx, invitation, user.id);
    return { email: invitation.email };
  });
}

/** The organization's invitations nobody has answered yet, newest first: what the admin's page lists. */
export async function pendingInvitations(db: DbOrTx, organizationId: string) {
  return db
    .select({ id: invitations.id, email: invitations.email, name: invitations.name, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`)))
    .orderBy(sql`${invitations.createdAt} DESC`)
    .limit(200);
}

export async function withdrawInvitation(db: DbOrTx, params: { actorId: string; organizationId: string; invitationId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const withdrawn = await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(invitations.id, params.invitationId), eq(invitations.organizationId, params.organizationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (withdrawn.length === 0) throw notFound('invitation');
    await recordAudit(tx, { actorId: params.actorId, action: 'invitation.withdrawn', organizationId: params.organizationId, subjectType: 'invitation', subjectId: params.invitationId });
  });
}
