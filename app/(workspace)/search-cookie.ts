import { cookies } from 'next/headers';
import { searchTextOf } from '@/common/inputs/text';
import { getSignedInSession } from '@/server/auth/session';
import { openSearch, sealSearch, searchCookieOptions, searchCookiePath, searchCookies, type SearchList } from '@/server/auth/remembered-search';

/**
 * The list's remembered search words, in their sealed, session-bound cookie (server/auth/remembered-search.ts).
 * A `?q=` in a hand-typed or old link still works. The forms post to ./search-actions.ts.
 */
export type { SearchList };

/** The list's search text: from the address when one is there, otherwise from this session's cookie. */
export async function searchTextFor(list: SearchList, fromAddress: string): Promise<{ text: string; inAddress: boolean }> {
  const inAddress = fromAddress !== '';
  let raw = fromAddress;
  if (!inAddress) {
    const sealed = (await cookies()).get(searchCookies[list])?.value ?? '';
    const session = sealed ? await getSignedInSession() : null;
    raw = session ? openSearch(list, sealed, session.id) : '';
  }
  return { text: searchTextOf(raw).trim().slice(0, 200), inAddress };
}

/** Remembers the words for the list, sealed for this session; empty words (or no session) forget them. */
export async function rememberSearch(list: SearchList, text: string): Promise<void> {
  const jar = await cookies();
  const session = text ? await getSignedInSession() : null;
  if (session) jar.set(searchCookies[list], sealSearch(list, text, session.id), searchCookieOptions(list));
  else jar.delete({ name: searchCookies[list], path: searchCookiePath(list) });
}
