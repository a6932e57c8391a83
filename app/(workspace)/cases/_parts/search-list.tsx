'use client';

import type { ReactNode } from 'react';
import { useI18n } from '@/app/i18n/client';
import { LabelledField } from '@/app/ui/field';
import { hintClass, inputClass } from '@/app/ui/styles';

type Props<T> = {
  id: string;
  label: string;
  hint?: string;
  text: string;
  onText: (text: string) => void;
  items: T[] | undefined;
  searching: boolean;
  failed: boolean;
  render: (item: T) => ReactNode;
  keyOf: (item: T) => string;
  /** What to say when nothing matches; the default suggests adding a new record, which suits the directory. */
  noResults?: string;
};

/**
 * Search-as-you-type: a search box, a polite status line and a list whose rows carry their own
 * buttons. Screen readers and keyboards handle it without a custom combobox.
 */
export function SearchList<T>({ id, label, hint, text, onText, items, searching, failed, render, keyOf, noResults }: Props<T>) {
  const { t } = useI18n();
  const status = failed
    ? t('picker.failed')
    : searching
      ? t('picker.searching')
      : items
        ? items.length
          ? t('picker.results', { n: items.length })
          : (noResults ?? t('picker.noResults'))
        : '';
  return (
    <LabelledField id={id} label={label} hint={hint}>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={text}
        aria-describedby={[hint ? `${id}-hint` : null, `${id}-status`].filter(Boolean).join(' ')}
        className={`${inputClass} mt-1`}
        onChange={(event) => onText(event.target.value)}
      />
      <p id={`${id}-status`} aria-live="polite" className={hintClass}>
        {status}
      </p>
      {items && items.length > 0 ? (
        <ul className="mt-2 max-h-72 divide-y divide-slate-200 overflow-y-auto rounded-md border border-slate-300 bg-white">
          {items.map((item) => (
            <li key={keyOf(item)} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              {render(item)}
            </li>
          ))}
        </ul>
      ) : null}
    </LabelledField>
  );
}
