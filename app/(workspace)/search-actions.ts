'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { incidentFilterHref } from './incidents/list-params';
import { searchCookieOptions, searchCookiePath, searchCookies, type SearchList } from './search-cookie';

async function remember(list: SearchList, formData: FormData, field = 'q'): Promise<void> {
  const text = String(formData.get(field) ?? '').trim().slice(0, 200);
  const jar = await cookies();
  if (text) jar.set(searchCookies[list], text, searchCookieOptions(list));
  else jar.delete({ name: searchCookies[list], path: searchCookiePath(list) });
}

/** The persons list's search form: the text goes into the cookie, the address stays bare. */
export async function searchPersons(formData: FormData): Promise<void> {
  await remember('persons', formData);
  redirect('/persons');
}

/** The cases list's filter form: the text into the cookie, the status (no name) stays in the address. */
export async function searchCases(formData: FormData): Promise<void> {
  await remember('cases', formData);
  const status = String(formData.get('status') ?? '');
  redirect(status === 'open' || status === 'closed' ? `/cases?status=${status}` : '/cases');
}

/** The incident list's filters: the words into the cookie; the other filters (no names) stay in the address. */
export async function filterIncidents(formData: FormData): Promise<void> {
  await remember('incidents', formData, 'text');
  redirect(incidentFilterHref(formData));
}

/** "Clear filters": the remembered words too, which a plain link to the list would keep. */
export async function clearIncidentFilters(): Promise<void> {
  (await cookies()).delete({ name: searchCookies.incidents, path: searchCookiePath('incidents') });
  redirect('/incidents');
}
