import { cookies } from 'next/headers';
import { searchTextOf } from '@/common/inputs/text';

/**
 * Name searches of the workspace lists travel in a short-lived, http-only cookie scoped to the list,
 * not in the address: an address with a confidential name in it stays in browser history, in proxy
 * and server logs and in the Referer of the next request. A `?q=` in a hand-typed or old link still
 * works. The form posts to ./search-actions.ts.
 */
export const searchCookies = { persons: 'hrd.search.persons', cases: 'hrd.search.cases', incidents: 'hrd.search.incidents' } as const;
export type SearchList = keyof typeof searchCookies;

/** Where the list's cookie is sent: the list, and for incidents the coordinators' export of the list as filtered too. */
export const searchCookiePath = (list: SearchList) => (list === 'incidents' ? '/' : `/${list}`);

export const searchCookieOptions = (list: SearchList) => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  path: searchCookiePath(list),
  maxAge: 30 * 60,
  secure: (process.env.NEXTAUTH_URL ?? '').startsWith('https://'),
});

/** The list's search text: from the address when one is there, otherwise from the cookie. */
export async function searchTextFor(list: SearchList, fromAddress: string): Promise<{ text: string; inAddress: boolean }> {
  const inAddress = fromAddress !== '';
  const raw = inAddress ? fromAddress : ((await cookies()).get(searchCookies[list])?.value ?? '');
  return { text: searchTextOf(raw).trim().slice(0, 200), inAddress };
}
