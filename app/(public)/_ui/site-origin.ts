import { headers } from 'next/headers';

/**
 * The site's address for the example URLs and the citation: the configured one (NEXTAUTH_URL) when
 * set, so that a forged Host header cannot put another site's address on a cached public page.
 */
export async function siteOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = (await headers()).get('host') ?? 'localhost';
  return `http://${host}`;
}
