'use client';

import { TRPCClientError } from '@trpc/client';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { sayError, sayFieldErrors, type ProblemData } from '@/common/i18n/problems';
import { useI18n } from '@/app/i18n/client';
import { controlProps, describedBy, LabelledField, Options } from '@/app/ui/field';
import { fieldsetClass, inputClass, legendClass, primaryButtonClass, secondaryButtonClass } from '@/app/ui/styles';

/** Field messages by field name ("name", "aliases"), from the server's "fields.name" paths. */
export type EditErrors = Record<string, string>;

type SaveState = { saving: boolean; errors: EditErrors; problem: string | null; conflict: string | null };

/**
 * Saving a correction of a person, organization or source: the server's refusals shown as it words
 * them (a stale version as CONFLICT with a way to reload; FORBIDDEN and field messages as they come),
 * and the page reloaded on success so that the record, its history and its version are current.
 */
export function useRecordSave() {
  const { t } = useI18n();
  const router = useRouter();
  const [state, setState] = useState<SaveState>({ saving: false, errors: {}, problem: null, conflict: null });
  async function save(run: () => Promise<unknown>, onSaved: () => void) {
    setState({ saving: true, errors: {}, problem: null, conflict: null });
    try {
      await run();
      setState({ saving: false, errors: {}, problem: null, conflict: null });
      onSaved();
      router.refresh();
    } catch (error) {
      if (!(error instanceof TRPCClientError) || !error.data) {
        setState({ saving: false, errors: {}, problem: t('error.body'), conflict: null });
        return;
      }
      const data = error.data as ProblemData & { code?: string };
      if (data.code === 'CONFLICT') {
        setState({ saving: false, errors: {}, problem: null, conflict: sayError(t, data, error.message) });
        return;
      }
      const errors = Object.fromEntries(Object.entries(sayFieldErrors(t, data)).map(([path, message]) => [path.replace(/^fields\./, '').split('.')[0]!, message]));
      setState({ saving: false, errors, problem: Object.keys(errors).length ? null : sayError(t, data, error.message), conflict: null });
    }
  }
  return { ...state, save, reload: () => router.refresh() };
}

type PanelProps = {
  heading: string;
  saving: boolean;
  problem: string | null;
  conflict: string | null;
  onSubmit: () => void;
  onReload: () => void;
  children: ReactNode;
};

/** The "Edit" button and, once opened, the form with its messages. */
export function EditPanel({ heading, saving, problem, conflict, onSubmit, onReload, children }: PanelProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem || conflict) messageRef.current?.focus();
  }, [problem, conflict]);

  if (!open) {
    return (
      <button type="button" className={secondaryButtonClass} aria-expanded={false} onClick={() => setOpen(true)}>
        {heading}
      </button>
    );
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form onSubmit={submit} noValidate className={fieldsetClass}>
      <h2 className={legendClass}>{heading}</h2>
      {conflict ? (
        <div ref={messageRef} tabIndex={-1} role="alert" data-testid="conflict-message" className="mt-3 rounded-lg border-2 border-amber-600 bg-amber-50 p-4">
          <p className="font-semibold text-amber-950">{t('directoryEdit.conflictHeading')}</p>
          <p className="mt-2 text-amber-950">{conflict}</p>
          <p className="mt-2 text-amber-950">{t('directoryEdit.conflictHelp')}</p>
          <button type="button" onClick={onReload} className={`${primaryButtonClass} mt-3`}>
            {t('directoryEdit.reload')}
          </button>
        </div>
      ) : null}
      {problem ? (
        <div ref={messageRef} tabIndex={-1} role="alert" className="mt-3 rounded-lg border-2 border-red-700 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">{t('directoryEdit.notSaved')}</p>
          <p className="mt-1">{problem}</p>
        </div>
      ) : null}
      <div className="mt-4 space-y-4">{children}</div>
      <div className="mt-6 flex flex-wrap gap-3">
        <button type="submit" className={primaryButtonClass} disabled={saving}>
          {saving ? t('directoryEdit.saving') : t('directoryEdit.save')}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
          {t('directoryEdit.cancel')}
        </button>
      </div>
    </form>
  );
}

/** `id`: for a helper that attaches to the field by its id (the @-completion of mentions). */
type TextProps = { id?: string; label: string; hint?: string; value: string; onChange: (value: string) => void; error?: string; multiline?: boolean; required?: boolean };

export function TextField({ id: givenId, label, hint, value, onChange, error, multiline, required }: TextProps) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const common = { ...controlProps(id, { hint, error, required }), value, className: inputClass };
  return (
    <LabelledField id={id} label={label} hint={hint} error={error} required={required}>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(event) => onChange(event.target.value)} />
      )}
    </LabelledField>
  );
}

/** Other spellings, one a line: the form keeps the text as typed, the server drops blank lines and repeats. */
export function AliasesField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string }) {
  const { t } = useI18n();
  return <TextField label={t('directoryEdit.aliases')} hint={t('directoryEdit.aliasesHint')} value={value} onChange={onChange} error={error} multiline />;
}

export const aliasLines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

type SelectProps = { label: string; value: string; onChange: (value: string) => void; options: { value: string; label: string }[]; error?: string };

export function SelectField({ label, value, onChange, options, error }: SelectProps) {
  const id = useId();
  return (
    <LabelledField id={id} label={label} error={error}>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={inputClass}
        aria-describedby={describedBy(id, false, error)}
        aria-invalid={error ? true : undefined}
      >
        <Options options={options} />
      </select>
    </LabelledField>
  );
}
