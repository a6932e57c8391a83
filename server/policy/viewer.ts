import 'server-only';
import type { Role } from '@/common/values';

/**
 * The signed-in account as the policies see it: who they are and their role in each organization.
 * server/auth/viewer.ts loads it fresh from the database on every request.
 */
export type Viewer = {
  id: string;
  email: string;
  name: string;
  memberships: { organizationId: string; organizationName: string; organizationSlug: string; role: Role }[];
};

export function roleIn(viewer: Viewer, organizationId: string): Role | null {
  return viewer.memberships.find((m) => m.organizationId === organizationId)?.role ?? null;
}

export function memberOrganizationIds(viewer: Viewer): string[] {
  return viewer.memberships.map((m) => m.organizationId);
}

/** The organizations whose records (incidents, cases, persons, sources) the viewer lists: all theirs, or the one asked for if it is theirs. */
export function listableOrganizationIds(viewer: Viewer, organizationId?: string | null): string[] {
  const mine = memberOrganizationIds(viewer);
  if (!organizationId) return mine;
  return mine.includes(organizationId) ? [organizationId] : [];
}

/** Organizations where the viewer is an admin: where they manage accounts, read the audit log, see and restore deleted records. */
export function adminOrganizationIds(viewer: Viewer): string[] {
  return viewer.memberships.filter((m) => m.role === 'admin').map((m) => m.organizationId);
}

export function isReviewerRole(role: Role | null): boolean {
  return role === 'reviewer' || role === 'admin';
}

/** The organizations where the viewer is a reviewer or an admin: whose submissions wait for them. */
export function reviewingOrganizationIds(viewer: Viewer): string[] {
  return viewer.memberships.filter((m) => m.role !== 'monitor').map((m) => m.organizationId);
}

/** Who asks for a list, as its "mine" and "waiting for my review" filters need to know. */
export function listViewer(viewer: Viewer): { id: string; reviewOrganizationIds: string[] } {
  return { id: viewer.id, reviewOrganizationIds: reviewingOrganizationIds(viewer) };
}
