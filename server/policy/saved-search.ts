import 'server-only';
import { notFound, refused } from '../errors';
import { roleIn, type Viewer } from './viewer';

type SavedSearchFacts = { organizationId: string; ownerId: string; shared: boolean };

/** Its owner sees a saved search, and so does every member of its organization once it is shared. */
export function canSeeSavedSearch(viewer: Viewer, search: SavedSearchFacts): boolean {
  if (roleIn(viewer, search.organizationId) === null) return false;
  return search.ownerId === viewer.id || search.shared;
}

/** Only its owner removes a saved search; one the viewer cannot see does not exist for them. */
export function assertCanRemoveSavedSearch(viewer: Viewer, search: SavedSearchFacts | null): asserts search is SavedSearchFacts {
  if (!search || !canSeeSavedSearch(viewer, search)) throw notFound('saved search');
  if (search.ownerId !== viewer.id) throw refused('savedSearch.ownerRemoves');
}
