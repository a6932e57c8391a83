import { TRPCError } from '@trpc/server';
import type { Role } from '@/db/schema';
import type { Viewer } from './viewer';
import { notFound } from '../services/errors';

/**
 * Who may do what to which record. Every procedure asks here; the UI only mirrors the answers.
 * A record the viewer may not see answers NOT_FOUND, exactly as a missing one does.
 */

export function roleIn(viewer: Viewer, organizationId: string): Role | null {
  return viewer.memberships.find((m) => m.organizationId === organizationId)?.role ?? null;
}

export function memberOrganizationIds(viewer: Viewer): string[] {
  return viewer.memberships.map((m) => m.organizationId);
}

/** The organizations where the viewer is a reviewer or an admin: whose submissions wait for them. */
export function reviewingOrganizationIds(viewer: Viewer): string[] {
  return viewer.memberships.filter((m) => m.role !== 'monitor').map((m) => m.organizationId);
}

/** Who asks for a list, as its "mine" and "waiting for my review" filters need to know. */
export function listViewer(viewer: Viewer): { id: string; reviewOrganizationIds: string[] } {
  return { id: viewer.id, reviewOrganizationIds: reviewingOrganizationIds(viewer) };
}

/** Organizations the viewer can list from: all theirs, or the one asked for if it is theirs. */
export function listableOrganizationIds(viewer: Viewer, organizationId?: string | null): string[] {
  const mine = memberOrganizationIds(viewer);
  if (!organizationId) return mine;
  return mine.includes(organizationId) ? [organizationId] : [];
}

type IncidentFacts = { organizationId: string; status: string; createdBy: string | null };

// A published incident is editable too: the edit becomes a new draft, and the public keeps the published version.
// A retracted (archived) one as well: the edit becomes a new draft that goes through review again.
const editableStatuses = new Set(['draft', 'changes_requested', 'published', 'archived']);

export const incidentPolicy = {
  canView(viewer: Viewer, incident: IncidentFacts): boolean {
    return roleIn(viewer, incident.organizationId) !== null;
  },
  canCreateIn(viewer: Viewer, organizationId: string): boolean {
    return roleIn(viewer, organizationId) !== null;
  },
  /**
   * Drafts, entries returned for changes, published and retracted entries are editable; a monitor
   * edits only their own, a reviewer or admin any of their organization's. Submitted and approved
   * entries are frozen while someone decides on them.
   */
  canEdit(viewer: Viewer, incident: IncidentFacts): boolean {
    const role = roleIn(viewer, incident.organizationId);
    if (!role || !editableStatuses.has(incident.status)) return false;
    return role !== 'monitor' || incident.createdBy === viewer.id;
  },
};

export function assertCanViewIncident(viewer: Viewer, incident: IncidentFacts | null): asserts incident is IncidentFacts {
  if (!incident || !incidentPolicy.canView(viewer, incident)) throw notFound('incident');
}

export function assertCanEditIncident(viewer: Viewer, incident: IncidentFacts | null): asserts incident is IncidentFacts {
  assertCanViewIncident(viewer, incident);
  if (!incidentPolicy.canEdit(viewer, incident)) {
    const why = editableStatuses.has(incident.status)
      ? 'Monitors edit only the drafts they wrote.'
      : `It is ${incident.status.replace('_', ' ')}; only drafts, entries returned for changes, published and retracted entries can be edited.`;
    throw new TRPCError({ code: 'FORBIDDEN', message: `You cannot edit this incident. ${why}` });
  }
}

export function assertCanCreateIn(viewer: Viewer, organizationId: string): void {
  // Not being a member of an organization looks the same as it not existing.
  if (!incidentPolicy.canCreateIn(viewer, organizationId)) throw notFound('organization');
}
