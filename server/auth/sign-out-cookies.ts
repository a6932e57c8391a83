import 'server-only';
import { searchCookiePath, searchCookies, type SearchList } from './remembered-search';

/**
 * Signing out (next-auth's POST /api/auth/signout) ends the session and clears its cookie; this
 * clears the remembered search words with it, each on the path it was set for (a cookie is only
 * replaced on its own path). They would not open in another session anyway (remembered-search.ts),
 * but nothing of them should stay in the browser once its user has left.
 */
export function forgetRememberedSearches(request: Request, response: Response): Response {
  if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/api/auth/signout')) return response;
  for (const list of Object.keys(searchCookies) as SearchList[]) {
    response.headers.append('set-cookie', `${searchCookies[list]}=; Path=${searchCookiePath(list)}; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict`);
  }
  return response;
}
