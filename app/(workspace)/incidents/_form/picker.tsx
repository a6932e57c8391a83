'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc';
import { useDebounced } from '@/app/ui/use-debounced';
import { FieldLabel } from '@/app/ui/field';
import { hintClass, inputClass, secondaryButtonClass } from '@/app/ui/styles';
import { FieldMessage } from '@/app/ui/field';
import { useField, useFocusAfterRender } from './fields';

export type Choice = { id: string; label: string };
type Kind = 'persons' | 'organizations' | 'sources';
type Item = Choice & { note: string | null };

/** Searches one of the directory's lists; only the list for `kind` is queried, and only with some text. */
function useDirectorySearch(kind: Kind, organizationId: string, text: string) {
  const trpc = useTRPC();
  const { t } = useI18n();
  const input = { organizationId, text };
  const enabled = text.length > 0;
  const persons = useQuery({ ...trpc.directory.persons.queryOptions(input), enabled: enabled && kind === 'persons' });
  const organizations = useQuery({ ...trpc.directory.organizations.queryOptions(input), enabled: enabled && kind === 'organizations' });
  const sources = useQuery({ ...trpc.directory.sources.queryOptions(input), enabled: enabled && kind === 'sources' });

  let items: Item[] = [];
  if (kind === 'persons')
    items = (persons.data ?? []).map((p) => ({
      id: p.id,
      label: p.name,
      // How many incidents already name them: the one record to choose rather than a new duplicate.
      note: [p.confidential ? t('incident.confidential') : null, t('picker.incidents', { n: p.incidents })].filter(Boolean).join(' · '),
    }));
  if (kind === 'organizations')
    items = (organizations.data ?? []).map((o) => ({ id: o.id, label: o.name, note: [o.acronym, t('picker.incidents', { n: o.incidents })].filter(Boolean).join(' · ') }));
  if (kind === 'sources')
    items = (sources.data ?? []).map((s) => ({
      id: s.id,
      label: s.title,
      note: [s.publisher, s.referenceCode].filter(Boolean).join(' · ') || null,
    }));
  const active = kind === 'persons' ? persons : kind === 'organizations' ? organizations : sources;
  return { items, searching: enabled && active.isFetching, failed: active.isError, ready: enabled && active.isSuccess };
}

type Props = { kind: Kind; path: string; organizationId: string; chosen: Choice | null; onChoose: (choice: Choice | null) => void };

/**
 * Search-as-you-type over the organization's records: a search box and a list of buttons, which
 * screen readers and keyboards handle without a custom combobox.
 */
export function DirectoryPicker({ kind, path, organizationId, chosen, onChoose }: Props) {
  const { t } = useI18n();
  const { id, error, describedBy, invalid } = useField(path);
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 250);
  const { items, searching, failed, ready } = useDirectorySearch(kind, organizationId, chosen ? '' : search);
  const focusLater = useFocusAfterRender();
  const searchLabel = t(kind === 'persons' ? 'picker.searchPersons' : kind === 'organizations' ? 'picker.searchOrganizations' : 'picker.searchSources');

  if (chosen) {
    return (
      <div>
        <p>
          <span className="text-slate-700">{t('picker.selected')}</span> <strong>{chosen.label}</strong>
        </p>
        <button
          id={id}
          type="button"
          aria-describedby={describedBy}
          className={`${secondaryButtonClass} mt-2 text-sm`}
          onClick={() => {
            setText('');
            onChoose(null);
            focusLater(id);
          }}
        >
          {t('picker.change')}
        </button>
        <FieldMessage id={id} error={error} />
      </div>
    );
  }

  const status = failed ? t('picker.failed') : searching ? t('picker.searching') : ready ? (items.length ? t('picker.results', { n: items.length }) : t('picker.noResults')) : '';
  return (
    <div>
      <FieldLabel htmlFor={id} label={searchLabel} required />
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={text}
        aria-describedby={[`${id}-status`, describedBy].filter(Boolean).join(' ')}
        aria-invalid={invalid}
        className={`${inputClass} mt-1`}
        onChange={(event) => setText(event.target.value)}
      />
      <FieldMessage id={id} error={error} />
      <p id={`${id}-status`} aria-live="polite" className={hintClass}>
        {status}
      </p>
      {items.length > 0 ? (
        <ul className="mt-2 max-h-64 divide-y divide-slate-200 overflow-y-auto rounded-md border border-slate-300 bg-white">
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="w-full px-3 py-2 text-left hover:bg-blue-50 focus-visible:bg-blue-50"
                onClick={() => {
                  onChoose({ id: item.id, label: item.label });
                  focusLater(id);
                }}
              >
                <span className="sr-only">{t('picker.choose')}: </span>
                <span className="font-medium">{item.label}</span>
                {item.note ? <span className="ml-2 text-sm text-slate-600">{item.note}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
