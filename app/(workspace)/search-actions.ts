'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { searchCookieOptions, searchCookies, type SearchList } from './search-cookie';

async function remember(list: SearchList, formData: FormData): Promise<void> {
  const text = String(formData.get('q') ?? '').trim().slice(0, 200);
  const jar = await cookies();
  if (text) jar.set(searchCookies[list], text, searchCookieOptions(list));
  else jar.delete({ name: searchCookies[list], path: `/${list}` });
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
