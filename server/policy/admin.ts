import 'server-only';
import { notFound, refused } from '../errors';
import { adminOrganizationIds, roleIn, type Viewer } from './viewer';

/**
 * Who may manage people and read the audit log. Admins manage the members of the organizations
 * they administer, and nothing else: a person outside those organizations answers NOT_FOUND,
 * exactly like one who does not exist. The rule that an organization keeps an active admin needs
 * the database and lives in server/services/admin/last-admin.ts.
 */

export function isAdmin(viewer: Viewer): boolean {
  return adminOrganizationIds(viewer).length > 0;
}

/** A member who is not an admin is told so; someone outside the organization is told it does not exist. */
export function assertAdminOf(viewer: Viewer, organizationId: string): void {
  const role = roleIn(viewer, organizationId);
  if (!role) throw notFound('organization');
  if (role !== 'admin') throw refused('admin.adminsOnly');
}

/** The organizations whose audit log the viewer reads: all they administer, or the one asked for. */
export function auditOrganizationIds(viewer: Viewer, organizationId?: string | null): string[] {
  if (organizationId) {
    assertAdminOf(viewer, organizationId);
    return [organizationId];
  }
  const ids = adminOrganizationIds(viewer);
  if (ids.length === 0) throw refused('admin.auditAdminsOnly');
  return ids;
}

type Account = { id: string; memberships: { organizationId: string }[] };

/** The account must belong to the organization the admin acts in; otherwise it "does not exist". */
export function assertMemberOf(account: Account | null, organizationId: string): asserts account is Account {
  if (!account || !account.memberships.some((m) => m.organizationId === organizationId)) throw notFound('account');
}

/**
 * Deactivating, reactivating or sending a new set-password link changes the account everywhere,
 * so the admin must administer every organization the person belongs to: an admin of one NGO must
 * not be able to lock out, or take over, a member of another. Removing them from one's own
 * organization is always possible instead.
 */
export function whyCannotManageAccount(viewer: Viewer, account: Account): 'admin.otherOrganization' | null {
  const mine = new Set(adminOrganizationIds(viewer));
  if (account.memberships.some((m) => !mine.has(m.organizationId))) {
    return 'admin.otherOrganization';
  }
  return null;
}

export function assertMayManageAccount(viewer: Viewer, account: Account): void {
  const why = whyCannotManageAccount(viewer, account);
  if (why) throw refused(why);
}
