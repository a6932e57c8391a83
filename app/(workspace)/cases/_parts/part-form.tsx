'use client';

import type { FormEvent, ReactNode } from 'react';
import { useI18n } from '@/app/i18n/client';
import { fieldsetClass, legendClass, primaryButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import { ActionAlert, ActionStatus } from '../../_actions/action-alert';
import { DraftOffer } from '../../_drafts/draft-offer';
import { submitOnCtrlEnter } from '../../_drafts/shortcuts';
import type { useCaseAction } from './use-action';

type Props = {
  /** Prefix of the form's element ids: the heading is `{prefix}-heading`. */
  prefix: string;
  /** Where the part's words are: its heading, edit heading, "not saved" alert and add button. */
  words: 'cases.legal' | 'interventions';
  action: ReturnType<typeof useCaseAction>;
  draft: { offer: { savedAt: number } | null; restore: () => void; discard: () => void };
  editing: boolean;
  /** Given when editing: the Cancel button. */
  onCancel?: () => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
};

/**
 * The frame of a form for one part of a case (a legal event, an intervention): heading, the offer
 * to restore unsaved typing, what went wrong or right, the fields, then save and cancel.
 */
export function CasePartForm({ prefix, words, action, draft, editing, onCancel, onSubmit, children }: Props) {
  const { t } = useI18n();
  return (
    <form noValidate onSubmit={onSubmit} onKeyDown={submitOnCtrlEnter} className={fieldsetClass} aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`} className={legendClass}>
        {editing ? t(`${words}.editHeading`) : t(`${words}.heading`)}
      </h3>
      <div className="mt-3 space-y-4">
        <DraftOffer offer={draft.offer} onRestore={draft.restore} onDiscard={draft.discard} />
        <ActionAlert problem={action.problem} heading={t(`${words}.notSaved`)} />
        <ActionStatus message={action.done} />
        {children}
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={primaryButtonClass} disabled={action.pending}>
            {action.pending ? t('cases.form.saving') : editing ? t('cases.form.save') : t(`${words}.add`)}
          </button>
          {editing && onCancel ? (
            <button type="button" className={secondaryButtonClass} onClick={onCancel}>
              {t('cases.form.cancel')}
            </button>
          ) : null}
        </div>
      </div>
    </form>
  );
}
