import 'server-only';
import { notFound } from '../errors';
import { roleIn, type Viewer } from './viewer';

type UnfinishedFormFacts = { authorId: string; organizationId: string };

/**
 * An unfinished form is its author's alone: not their reviewer's, not their admin's (it may hold a
 * name they were not yet sure to write down). The author sees it while they belong to its organization.
 */
export function canSeeUnfinishedForm(viewer: Viewer, form: UnfinishedFormFacts): boolean {
  return form.authorId === viewer.id && roleIn(viewer, form.organizationId) !== null;
}

/** Anyone else's unfinished form does not exist for them: the same NOT_FOUND as a missing one. */
export function assertCanSeeUnfinishedForm<T extends UnfinishedFormFacts>(viewer: Viewer, form: T | null): asserts form is T {
  if (!form || !canSeeUnfinishedForm(viewer, form)) throw notFound('unfinished form');
}
