'use client';

import { useId, useState, type KeyboardEvent } from 'react';
import { useI18n } from '@/app/i18n/client';
import type { TermOption } from '@/app/ui/vocabulary';
import { inputClass, legendClass } from '@/app/ui/styles';
import { FieldHint, FieldMessage } from '@/app/ui/field';
import { useField } from './fields';

type Props = { path: string; label: string; hint?: string; required?: boolean; options: TermOption[]; selected: string[]; onChange: (selected: string[]) => void };

const fold = (text: string) => text.toLocaleLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/**
 * A vocabulary to choose several terms from, in one tab stop: an ARIA combobox whose listbox is
 * filtered by what is typed. Up and Down move through the terms, Enter or Space (on an empty box)
 * takes or drops the one shown as active, Escape closes the list, Backspace on an empty box drops
 * the last term chosen. The terms chosen stay listed above the box; their "remove" buttons are for
 * the mouse and out of the tab order, since Backspace and the list do the same from the keyboard.
 */
export function TermPicker({ path, label, hint, required, options, selected, onChange }: Props) {
  const { t } = useI18n();
  const { id, error, describedBy, invalid } = useField(path, Boolean(hint));
  const listId = `${useId()}-terms`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const words = fold(text.trim());
  const shown = words ? options.filter((option) => fold(option.label).includes(words) || option.code.includes(words)) : options;
  const current = shown[Math.min(active, shown.length - 1)];
  const labelOf = new Map(options.map((option) => [option.code, option.label]));
  const optionId = (code: string) => `${listId}-${code}`;

  const toggle = (code: string) => onChange(selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code]);
  const move = (to: number) => {
    setOpen(true);
    setActive(Math.max(0, Math.min(to, shown.length - 1)));
  };

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'ArrowDown') move(open ? active + 1 : 0);
    else if (event.key === 'ArrowUp') move(active - 1);
    else if (event.key === 'Home' && open) move(0);
    else if (event.key === 'End' && open) move(shown.length - 1);
    else if ((event.key === 'Enter' || (event.key === ' ' && !text)) && open && current) toggle(current.code);
    else if (event.key === 'Escape' && open) setOpen(false);
    else if (event.key === 'Tab') return setOpen(false);
    else if (event.key === 'Backspace' && !text && selected.length) onChange(selected.slice(0, -1));
    else return;
    event.preventDefault();
  }

  return (
    <div>
      <label htmlFor={id} className={legendClass}>
        {label} {required ? <span className="text-base font-normal text-slate-600">{t('form.required')}</span> : null}
      </label>
      <FieldHint id={id} hint={hint} />
      <FieldMessage id={id} error={error} />
      {selected.length ? (
        <ul aria-label={t('terms.chosen', { label })} className="mt-2 flex flex-wrap gap-2">
          {selected.map((code) => (
            <li key={code} className="flex items-center gap-1 rounded-full border border-blue-800 bg-blue-50 py-0.5 pl-3 pr-1 text-sm text-blue-950">
              {labelOf.get(code) ?? code}
              <button type="button" tabIndex={-1} aria-label={t('terms.remove', { term: labelOf.get(code) ?? code })} className="rounded-full px-1.5 hover:bg-blue-200" onClick={() => toggle(code)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="relative">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && current ? optionId(current.code) : undefined}
          aria-describedby={[describedBy, `${id}-count`].filter(Boolean).join(' ')}
          aria-invalid={invalid}
          placeholder={t('terms.placeholder')}
          value={text}
          className={`${inputClass} mt-2`}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
            // Emptied, the box has nothing to look for: the list closes until asked for (Down, or a click).
            setOpen(event.target.value !== '');
          }}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <p id={`${id}-count`} className="sr-only" aria-live="polite">
          {t('terms.count', { n: selected.length })}
        </p>
        {/* Over the page, not in its flow: opening or closing it never moves what is below (and the button under a click). Not a tab stop: the box is the one. */}
        <ul
          id={listId}
          role="listbox"
          tabIndex={-1}
          aria-multiselectable="true"
          aria-label={label}
          hidden={!open}
          className="absolute inset-x-0 z-20 mt-1 max-h-72 overflow-y-auto rounded-md border border-slate-300 bg-white shadow-lg"
        >
          {shown.length === 0 ? <li className="px-3 py-2 text-slate-600">{t('terms.none')}</li> : null}
          {shown.map((option) => {
            const chosen = selected.includes(option.code);
            return (
              <li
                key={option.code}
                id={optionId(option.code)}
                role="option"
                aria-selected={chosen}
                // Keep the focus in the box when an option is clicked.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => toggle(option.code)}
                className={`flex cursor-pointer items-start gap-2 px-3 py-1.5 ${current?.code === option.code ? 'bg-blue-100' : 'hover:bg-slate-100'}`}
                style={{ paddingInlineStart: `${0.75 + option.depth * 1.25}rem` }}
              >
                <span aria-hidden="true" className="w-4 shrink-0 font-bold text-blue-800">
                  {chosen ? '✓' : ''}
                </span>
                {option.label}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
