import type { InputHTMLAttributes } from 'react';
import { describedBy as describedByParts, FieldHint, FieldMessage } from './field';
import { inputClass, labelClass } from './styles';

type TextFieldProps = {
  id: string;
  label: string;
  /** Shown under the field and read with it (`{id}-hint`). */
  hint?: string;
  /** The field's problem: marks it invalid and is read with it (`{id}-error`). */
  error?: string;
  /** Another element that describes the field, e.g. a form-wide error. */
  describedBy?: string;
  /** Added to the input's classes (width). */
  inputClassName?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'aria-invalid' | 'aria-describedby'>;

/**
 * One labelled input as every form draws it: label above, hint and problem below, both tied to the
 * input for screen readers, so that no form forgets the `aria-describedby` of one of them.
 */
export function TextField({ id, label, hint, error, describedBy, inputClassName, ...input }: TextFieldProps) {
  const described = [describedByParts(id, Boolean(hint), error), describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input id={id} {...input} aria-invalid={error ? true : undefined} aria-describedby={described} className={`${inputClass} mt-1${inputClassName ? ` ${inputClassName}` : ''}`} />
      <FieldHint id={id} hint={hint} />
      <FieldMessage id={id} error={error} />
    </div>
  );
}
