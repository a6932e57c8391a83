'use client';

import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '@/app/i18n/client';
import { hintClass, inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from '@/app/ui/styles';

/**
 * The reviewer names the public copy before marking a file public: the uploaded file name may hold
 * a confidential name, so it is never what the public sees.
 */
export function PublicCopyForm({ onConfirm, onCancel, pending }: { onConfirm: (title: string) => void; onCancel: () => void; pending: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('evidence.publicTitleRequired'));
      return;
    }
    onConfirm(title.trim());
  }
  return (
    <form onSubmit={submit} className="mt-3 rounded border border-amber-400 bg-amber-50 p-3" noValidate>
      <label htmlFor={`${id}-title`} className={labelClass}>
        {t('evidence.publicTitle')}
      </label>
      <p id={`${id}-hint`} className={hintClass}>
        {t('evidence.publicTitleHint')}
      </p>
      <input
        id={`${id}-title`}
        className={`${inputClass} mt-1`}
        value={title}
        maxLength={200}
        onChange={(event) => setTitle(event.target.value)}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          {t('evidence.markPublic')}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onCancel}>
          {t('evidence.cancel')}
        </button>
      </div>
    </form>
  );
}
