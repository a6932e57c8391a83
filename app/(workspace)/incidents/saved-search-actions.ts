'use server';

import { redirect } from 'next/navigation';
import { getServerCaller } from '@/server/caller';
import { savedSearchFilters } from '@/common/inputs/saved-search';
import { rememberSearch, searchTextFor } from '../search-cookie';
import { filterNames, listHref } from './list-params';

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** "Save this search": the filters on screen (the words from their cookie, never from a form or an address). */
export async function saveIncidentSearch(form: FormData): Promise<void> {
  const caller = await getServerCaller();
  const values: Record<string, string> = {};
  for (const name of filterNames) if (name !== 'text' && field(form, name)) values[name] = field(form, name);
  const { text } = await searchTextFor('incidents', '');
  const raw = { ...values, ...(text ? { text } : {}) };
  // A value the schema refuses (an edited address) is left out, as the list itself sets it aside.
  const filters = Object.fromEntries(Object.entries(raw).filter(([name, value]) => savedSearchFilters.shape[name as keyof typeof savedSearchFilters.shape].safeParse(value).success));
  await caller.savedSearch.save({
    organizationId: field(form, 'organizationId'),
    name: field(form, 'name'),
    filters: savedSearchFilters.parse(filters),
    shared: form.get('shared') === 'on',
    notify: form.get('notify') === 'on',
  });
  redirect(listHref(values));
}

/** Opens the list with a saved search's filters: its words go into the list's cookie, the rest into the address. */
export async function applySavedSearch(form: FormData): Promise<void> {
  const caller = await getServerCaller();
  const search = (await caller.savedSearch.list()).find((s) => s.id === field(form, 'id'));
  if (!search) redirect('/incidents');
  const { text, ...rest } = search.filters;
  await rememberSearch('incidents', text ?? '');
  redirect(listHref(Object.fromEntries(Object.entries(rest).flatMap(([name, value]) => (value ? [[name, String(value)]] : [])))));
}

export async function removeSavedSearch(form: FormData): Promise<void> {
  const caller = await getServerCaller();
  await caller.savedSearch.remove({ id: field(form, 'id') });
  redirect('/incidents');
}
