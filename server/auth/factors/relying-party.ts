import 'server-only';
/**
 * Who the passkeys belong to (WebAuthn's relying party): the origin people open the workspace at,
 * WEBAUTHN_ORIGIN when set, else NEXTAUTH_URL's. The id is its host name: a passkey made here
 * works only here. Browsers refuse an IP address as the id, so an installation that wants passkeys
 * is reached by a name (localhost counts).
 */
export function relyingParty(env: Record<string, string | undefined> = process.env): { id: string; origin: string; name: string } {
  const configured = env.WEBAUTHN_ORIGIN || env.NEXTAUTH_URL || 'http://localhost:3000';
  const url = new URL(configured);
  return { id: url.hostname, origin: url.origin, name: 'HRD Monitor' };
}
