'use client';

import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '@/app/i18n/client';
import { hintClass, inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import type { RedactionBox } from '@/common/redaction-boxes';
import { RedactionEditor } from './redaction-editor';

type Props = {
  /** The reviewer's earlier decision when the public copy is changed, else empty. */
  initial: { title: string; redactions: RedactionBox[] };
  /** An image the browser shows gets the box editor; other files go public whole. */
  image: { id: string; title: string } | null;
  onConfirm: (title: string, redactions: RedactionBox[]) => void;
  onCancel: () => void;
  pending: boolean;
};

/**
 * The reviewer names the public copy before marking a file public (the uploaded file name may hold
 * a confidential name, so it is never what the public sees) and, for an image, blacks out regions.
 */
export function PublicCopyForm({ initial, image, onConfirm, onCancel, pending }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [title, setTitle] = useState(initial.title);
  const [boxes, setBoxes] = useState(initial.redactions);
  const [error, setError] = useState<string | null>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('evidence.publicTitleRequired'));
      return;
    }
    onConfirm(title.trim(), image ? boxes : []);
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
      {image ? <RedactionEditor fileId={image.id} fileTitle={image.title} boxes={boxes} onChange={setBoxes} /> : null}
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
