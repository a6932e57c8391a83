'use client';

import { useEffect, useRef } from 'react';
import { useI18n } from '@/app/i18n/client';
import { primaryButtonClass, secondaryButtonClass } from '@/app/ui/styles';

type Props = {
  title: string;
  body: string;
  confirmLabel: string;
  working: boolean;
  /** Set when the change was refused; shown inside the dialog so the admin reads it where they are. */
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
};

/**
 * A modal question before a change that locks someone out or takes them out of the organization.
 * The native dialog traps focus, closes with Escape and gives focus back to the button that opened it;
 * Cancel has the focus first, so Enter never confirms by accident.
 */
export function ConfirmDialog({ title, body, confirmLabel, working, error, onConfirm, onClose }: Props) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(event) => {
        event.preventDefault();
        if (!working) onClose();
      }}
      className="m-auto w-full max-w-lg rounded-lg border border-slate-400 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <h2 id="confirm-title" className="text-xl font-semibold">
        {title}
      </h2>
      <p id="confirm-body" className="mt-3 text-slate-700">
        {body}
      </p>
      {error ? (
        <p role="alert" className="mt-3 rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-900">
          {error}
        </p>
      ) : null}
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        <button type="button" autoFocus onClick={onClose} disabled={working} className={secondaryButtonClass}>
          {t('admin.confirm.cancel')}
        </button>
        <button type="button" onClick={onConfirm} disabled={working} className={primaryButtonClass}>
          {working ? t('admin.confirm.working') : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
