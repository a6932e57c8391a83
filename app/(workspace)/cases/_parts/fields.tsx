'use client';

import type { ReactNode } from 'react';
import type { DatePrecision } from '@/db/schema';
import { useI18n } from '@/app/i18n/client';
import { errorClass, hintClass, inputClass, labelClass } from '@/app/ui/styles';

/** Ids for a control and its hint and message, so that screen readers read them together. */
export function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

export function Message({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={`${id}-error`} className={errorClass}>
      {error}
    </p>
  ) : null;
}

type FieldProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  type?: 'text' | 'date';
  placeholder?: string;
};

/** A labelled text input (or text area) with its hint and its field message. */
export function Field({ id, label, value, onChange, error, hint, required, multiline, type = 'text', placeholder }: FieldProps) {
  const { t } = useI18n();
  const shared = {
    id,
    value,
    placeholder,
    'aria-describedby': describedBy(id, Boolean(hint), error),
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
    className: `${inputClass} mt-1`,
  };
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label} {required ? <span className="font-normal text-slate-600">{t('form.required')}</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...shared} rows={4} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...shared} type={type} onChange={(event) => onChange(event.target.value)} />
      )}
      <Message id={id} error={error} />
    </div>
  );
}

type SelectProps = { id: string; label: string; value: string; onChange: (value: string) => void; error?: string; children: ReactNode };

export function SelectField({ id, label, value, onChange, error, children }: SelectProps) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        aria-describedby={describedBy(id, false, error)}
        aria-invalid={error ? true : undefined}
        className={`${inputClass} mt-1`}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
      <Message id={id} error={error} />
    </div>
  );
}

const precisions: DatePrecision[] = ['day', 'month', 'year'];

/**
 * A date known to a day, a month or a year: the precision first, then the date written with exactly
 * that much. The server checks the shape and answers on the "date" field.
 */
export function PartialDateFields(props: {
  idPrefix: string;
  precision: DatePrecision;
  date: string;
  onChange: (value: { precision: DatePrecision; date: string }) => void;
  error?: string;
  required: boolean;
}) {
  const { t } = useI18n();
  const hint = `${t(`cases.date.hint.${props.precision}`)}${props.required ? '' : ` ${t('cases.date.optional')}`}`;
  return (
    <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
      <SelectField
        id={`${props.idPrefix}-precision`}
        label={t('cases.date.precision')}
        value={props.precision}
        onChange={(value) => props.onChange({ precision: value as DatePrecision, date: props.date })}
      >
        {precisions.map((precision) => (
          <option key={precision} value={precision}>
            {t(`precision.${precision}`)}
          </option>
        ))}
      </SelectField>
      <Field
        id={`${props.idPrefix}-date`}
        label={t('cases.date.date')}
        value={props.date}
        onChange={(date) => props.onChange({ precision: props.precision, date })}
        error={props.error}
        hint={hint}
        required={props.required}
      />
    </div>
  );
}
