import type { ReactNode } from 'react';
import { useI18n } from '@/app/i18n/client';
import { errorClass, hintClass, labelClass } from './styles';

/**
 * The form-field kit: every labelled control is drawn from these parts, so that its hint and its
 * problem are tied to it the same way in every form (`{id}-hint`, `{id}-error`, `aria-describedby`).
 * No 'use client' here: `describedBy` and the hint and message serve server pages too; the label's
 * "required" mark needs the client's dictionary, so `FieldLabel` and `LabelledField` are for client forms.
 */

/** The ids of a control's hint and problem, so that screen readers read them with it. */
export function describedBy(id: string, hint: boolean, error: string | null | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** The attributes that tie a text control to its label, hint and problem. */
export function controlProps(id: string, { hint, error, required }: { hint?: unknown; error?: string | null; required?: boolean }) {
  return {
    id,
    'aria-describedby': describedBy(id, Boolean(hint), error),
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
  } as const;
}

export function FieldLabel({ htmlFor, label, required }: { htmlFor: string; label: ReactNode; required?: boolean }) {
  const { t } = useI18n();
  return (
    <label htmlFor={htmlFor} className={labelClass}>
      {label}
      {required ? (
        <>
          {' '}
          <span className="font-normal text-slate-600">{t('form.required')}</span>
        </>
      ) : null}
    </label>
  );
}

/** A control's hint, named by its id so that the control can point to it. */
export function FieldHint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p id={`${id}-hint`} className={hintClass}>
      {hint}
    </p>
  ) : null;
}

/** A control's problem, named by its id so that the control can point to it. */
export function FieldMessage({ id, error }: { id: string; error: string | null | undefined }) {
  return error ? (
    <p id={`${id}-error`} className={errorClass}>
      {error}
    </p>
  ) : null;
}

/** A select's choices, in the order given. */
export function Options({ options }: { options: { value: string; label: string }[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}

type LabelledFieldProps = {
  /** The control's id: the label names it, and its hint and problem are `{id}-hint` and `{id}-error`. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  className?: string;
  /** The control itself (input, text area, select, search box with its results). */
  children: ReactNode;
};

/** A control with its label and hint above and its problem below. */
export function LabelledField({ id, label, hint, error, required, className, children }: LabelledFieldProps) {
  return (
    <div className={className}>
      <FieldLabel htmlFor={id} label={label} required={required} />
      <FieldHint id={id} hint={hint} />
      {children}
      <FieldMessage id={id} error={error} />
    </div>
  );
}
