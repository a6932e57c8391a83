import 'server-only';
import { createHmac } from 'node:crypto';
import { authSecret } from '../../auth/options';

/**
 * The key a signed-in page encrypts its local form drafts with (AES-GCM in the browser). It is
 * derived from the server's secret and the id of the live session, so it needs no storage and
 * dies with the session: once the session ends nobody can ask for it again, and what the browser
 * kept under it cannot be read. Nothing about a draft ever reaches the server.
 */
export function draftKeyOf(sessionId: string): string | null {
  const secret = authSecret();
  if (!secret) return null;
  return createHmac('sha256', secret).update(`hrd-monitor/form-draft-key/v1/${sessionId}`).digest('base64url');
}
