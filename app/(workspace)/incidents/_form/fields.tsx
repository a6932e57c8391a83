'use client';

import { createContext, useContext, useEffect, useRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { useI18n } from '@/app/i18n/client';
import type { TermOption } from '@/app/ui/vocabulary';
import { describedBy, FieldHint, FieldMessage, LabelledField, Options } from '@/app/ui/field';
import { inputClass, labelClass, legendClass } from '@/app/ui/styles';
import { fieldId, type FieldErrors } from './errors';

/** The current field messages; every control looks up its own by its dotted path. */
export const FieldErrorsContext = createContext<FieldErrors>({});

/** Id, message and ARIA wiring for the control at a path. */
export function useField(path: string, hasHint = false) {
  const error = useContext(FieldErrorsContext)[path];
  const id = fieldId(path);
  return { id, error, describedBy: describedBy(id, hasHint, error), invalid: error ? true : undefined };
}

/** Focus an element by id after the next render (a row just added, a control just shown). */
export function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!pending.current) return;
    document.getElementById(pending.current)?.focus();
    pending.current = null;
  });
  return (id) => {
    pending.current = id;
  };
}

type Common = { path: string; label: string; hint?: string; required?: boolean; className?: string };

type TextFieldProps = Common & {
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id' | 'className' | 'required'>;

export function TextField({ path, label, hint, required, className, value, onChange, multiline, ...rest }: TextFieldProps) {
  const { id, error, describedBy, invalid } = useField(path, Boolean(hint));
  const shared = {
    id,
    value,
    'aria-describedby': describedBy,
    'aria-invalid': invalid,
    'aria-required': required || undefined,
    className: `${inputClass} mt-1`,
  };
  return (
    <LabelledField id={id} label={label} hint={hint} error={error} required={required} className={className}>
      {multiline ? (
        <textarea {...shared} rows={6} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input type="text" {...rest} {...shared} onChange={(event) => onChange(event.target.value)} />
      )}
    </LabelledField>
  );
}

type SelectFieldProps<V extends string> = Common & {
  value: V | '';
  options: { value: V | ''; label: string }[];
  onChange: (value: V | '') => void;
};

export function SelectField<V extends string>({ path, label, hint, required, className, value, options, onChange }: SelectFieldProps<V>) {
  const { id, error, describedBy, invalid } = useField(path, Boolean(hint));
  return (
    <LabelledField id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <select
        id={id}
        value={value}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        className={`${inputClass} mt-1`}
        onChange={(event) => onChange(event.target.value as V | '')}
      >
        <Options options={options} />
      </select>
    </LabelledField>
  );
}

export function Checkbox({ path, label, checked, onChange }: { path: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const { id, error, describedBy, invalid } = useField(path);
  return (
    <div>
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          className="mt-1 h-4 w-4 accent-blue-800"
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <FieldMessage id={id} error={error} />
    </div>
  );
}

type CheckboxListProps = {
  path: string;
  legend: string;
  hint?: string;
  required?: boolean;
  options: TermOption[];
  selected: string[];
  onChange: (selected: string[]) => void;
  large?: boolean;
};

/** Top-level terms, each with the narrower terms under it (in tree order, with their depth). */
function branches(options: TermOption[]): { root: TermOption; narrower: TermOption[] }[] {
  const result: { root: TermOption; narrower: TermOption[] }[] = [];
  for (const option of options) {
    const last = result.at(-1);
    if (option.depth === 0 || !last) result.push({ root: option, narrower: [] });
    else last.narrower.push(option);
  }
  return result;
}

/**
 * A vocabulary as checkboxes. Narrower terms sit in a nested list under their parent, and a
 * parent never splits from its children across the columns.
 */
export function CheckboxList({ path, legend, hint, required, options, selected, onChange, large }: CheckboxListProps) {
  const { t } = useI18n();
  const { id, error, describedBy } = useField(path, Boolean(hint));
  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...selected, code] : selected.filter((existing) => existing !== code));
  const box = (option: TermOption) => (
    <div className="flex items-start gap-2 py-0.5" style={{ marginInlineStart: `${Math.max(option.depth - 1, 0) * 1.5}rem` }}>
      <input
        id={`${id}-${option.code}`}
        type="checkbox"
        checked={selected.includes(option.code)}
        className="mt-1 h-4 w-4 shrink-0 accent-blue-800"
        onChange={(event) => toggle(option.code, event.target.checked)}
      />
      <label htmlFor={`${id}-${option.code}`}>{option.label}</label>
    </div>
  );
  return (
    <fieldset id={id} aria-describedby={describedBy}>
      <legend className={large ? legendClass : labelClass}>
        {legend} {required ? <span className="text-base font-normal text-slate-600">{t('form.required')}</span> : null}
      </legend>
      <FieldHint id={id} hint={hint} />
      <FieldMessage id={id} error={error} />
      <ul className={`mt-2 gap-x-6 sm:columns-2 ${large ? '' : 'lg:columns-3'}`}>
        {branches(options).map(({ root, narrower }) => (
          <li key={root.code} className="break-inside-avoid">
            {box(root)}
            {narrower.length ? (
              <ul className="ml-6">
                {narrower.map((option) => (
                  <li key={option.code}>{box(option)}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * A bordered group with a legend: one section of the form, or one row of a repeating list. A section
 * given a `summary` can be folded away: its title and a line of what is filled stay in view.
 */
export function Group({ legend, children, nested, id, summary }: { legend: ReactNode; children: ReactNode; nested?: boolean; id?: string; summary?: string }) {
  if (summary !== undefined) {
    return (
      <details open className="rounded-lg border border-slate-300 bg-white" data-form-section>
        <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1 p-4 sm:px-6">
          <span className={legendClass}>{legend}</span>
          <span className="text-sm text-slate-700">{summary}</span>
        </summary>
        <fieldset id={id} aria-label={typeof legend === 'string' ? legend : undefined} className="space-y-4 px-4 pb-4 sm:px-6 sm:pb-6">
          {children}
        </fieldset>
      </details>
    );
  }
  return (
    <fieldset
      id={id}
      className={nested ? 'rounded-md border border-slate-300 bg-slate-50 p-4' : 'rounded-lg border border-slate-300 bg-white p-4 sm:p-6'}
    >
      <legend className={nested ? 'px-1 font-semibold text-slate-900' : legendClass}>{legend}</legend>
      <div className="space-y-4">{children}</div>
    </fieldset>
  );
}

/** Unfolds every section, so that a field named in an error summary can be reached and focused. */
export function unfoldSections() {
  document.querySelectorAll<HTMLDetailsElement>('details[data-form-section]').forEach((section) => {
    section.open = true;
  });
}
