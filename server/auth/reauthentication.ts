import type { Viewer } from './viewer';

/**
 * The seam for re-authentication before a grave, irreversible act (a purge of evidence). Another
 * piece of work brings re-authentication (password or second factor again, recently); until it
 * lands this accepts every signed-in admin. Callers ask here, so that work has one place to change.
 */
export function assertRecentlyReauthenticated(_viewer: Viewer): void {}
