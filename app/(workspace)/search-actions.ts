'use server';

import { redirect } from 'next/navigation';
import { incidentFilterHref } from './incidents/list-params';
import { rememberSearch, type SearchList } from './search-cookie';

async function remember(list: SearchList, formData: FormData, field = 'q'): Promise<void> {
  await rememberSearch(list, String(formData.get(field) ?? '').trim().slice(0, 200));
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
  await rememberSearch('incidents', '');
  redirect('/incidents');
}
