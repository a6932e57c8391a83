'use client';

import type { ReactNode } from 'react';
import type { DatePrecision } from '@/db/schema';
import { useI18n } from '@/app/i18n/client';
import { controlProps, describedBy, LabelledField } from '@/app/ui/field';
import { inputClass } from '@/app/ui/styles';

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
  const shared = { ...controlProps(id, { hint, error, required }), value, placeholder, className: `${inputClass} mt-1` };
  return (
    <LabelledField id={id} label={label} hint={hint} error={error} required={required}>
      {multiline ? (
        <textarea {...shared} rows={4} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...shared} type={type} onChange={(event) => onChange(event.target.value)} />
      )}
    </LabelledField>
  );
}

type SelectProps = { id: string; label: string; value: string; onChange: (value: string) => void; error?: string; children: ReactNode };

export function SelectField({ id, label, value, onChange, error, children }: SelectProps) {
  return (
    <LabelledField id={id} label={label} error={error}>
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
    </LabelledField>
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
