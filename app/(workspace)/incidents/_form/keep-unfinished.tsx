'use client';

import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useI18n } from '@/app/i18n/client';
import { formatClockTime } from '@/common/i18n';
import { useTRPC } from '@/app/trpc';
import { errorClass, hintClass, secondaryButtonClass } from '@/app/ui/styles';
import { problemOf } from '../../_actions/problem';
import type { IncidentDraft } from './state';

type Props = {
  /** The kept form this one continues, if any: keeping again replaces it rather than adding another. */
  unfinishedId: string | null;
  organizationId: string;
  draft: IncidentDraft;
  onKept: (id: string) => void;
};

/** NUL cannot be stored (and the server refuses it): it arrives invisibly with text pasted from some PDFs, so it is dropped here. */
function withoutNul(draft: IncidentDraft): IncidentDraft {
  return JSON.parse(JSON.stringify(draft, (_key, value: unknown) => (typeof value === 'string' ? value.split('\u0000').join('') : value))) as IncidentDraft;
}

/**
 * "Keep on the server to finish later": a new incident that cannot be completed now (the date is to
 * be asked, a victim's name to be confirmed) is kept as it is, not valid yet, for its author alone,
 * listed under "Unfinished forms" on their incidents page. Saving the incident erases it.
 */
export function KeepUnfinished({ unfinishedId, organizationId, draft, onKept }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const id = useId();
  const keep = useMutation(trpc.unfinishedForm.keep.mutationOptions());
  const [kept, setKept] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  function onClick() {
    setKept(null);
    setProblem(null);
    keep.mutate(
      { id: unfinishedId, organizationId, form: withoutNul(draft) },
      {
        onSuccess: (answer) => {
          onKept(answer.id);
          setKept(t('unfinished.kept', { at: formatClockTime(new Date(answer.updatedAt), locale) }));
        },
        onError: (error) => setProblem(problemOf(error, t).message),
      },
    );
  }

  return (
    <div className="basis-full">
      <button type="button" onClick={onClick} disabled={keep.isPending} aria-describedby={`${id}-hint`} className={secondaryButtonClass}>
        {keep.isPending ? t('unfinished.keeping') : t('unfinished.keep')}
      </button>
      <p id={`${id}-hint`} className={hintClass}>
        {t('unfinished.keepHint')}
      </p>
      {/* A live region, not role="status": the form's own status line stays the one a screen reader or a test finds first. */}
      <p aria-live="polite" className="mt-1 font-medium text-green-900" data-testid="unfinished-kept">
        {kept}
      </p>
      {problem ? (
        <p role="alert" className={errorClass}>
          {problem}
        </p>
      ) : null}
    </div>
  );
}
