'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '@/app/i18n/client';
import { sayError } from '@/common/i18n/problems';
import { useTRPC } from '@/app/trpc';
import { errorClass, inputClass, labelClass, primaryButtonClass } from '@/app/ui/styles';
import type { BulkOutcome } from '@/server/routers/bulk';
import { sayProblem, type Problem } from '@/common/i18n/problems';

export const bulkFormId = 'bulk-form';
const actions = ['submit', 'approve', 'publish', 'retract', 'share', 'tag', 'export'] as const;
type Action = (typeof actions)[number];

type Props = {
  /** Titles of the incidents on this page, for the report. */
  titles: Record<string, string>;
  violationTypes: { code: string; label: string; depth: number }[];
  /** Organizations whose incidents the viewer may export (reviewers and admins). */
  exportOrganizations: { organizationId: string; organizationName: string }[];
};

/** The incidents ticked in the table (their checkboxes belong to this form through their `form` attribute). */
function chosen(form: HTMLFormElement): { id: string; version: number }[] {
  return new FormData(form).getAll('item').map((value) => {
    const [id, version] = String(value).split(':');
    return { id: id!, version: Number(version) };
  });
}

/**
 * Bulk actions on the ticked incidents. The server acts on each one as the single action would, and
 * reports each: done, or refused with the reason (four eyes hold one by one).
 */
export function BulkActions({ titles, violationTypes, exportOrganizations }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [action, setAction] = useState<Action>('submit');
  const [count, setCount] = useState(0);
  const [ids, setIds] = useState<string[]>([]);
  const [outcomes, setOutcomes] = useState<BulkOutcome[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // Follow the ticks (server-rendered checkboxes): how many, and which, to ask whom they can all be shared with.
  useEffect(() => {
    const form = document.getElementById(bulkFormId) as HTMLFormElement | null;
    const update = () => {
      if (!form) return;
      const items = chosen(form);
      setCount(items.length);
      setIds(items.map((item) => item.id));
    };
    document.addEventListener('change', update);
    return () => document.removeEventListener('change', update);
  }, []);

  // The organizations every ticked incident can be shared with, not only the first one's (an incident never goes to its own organization).
  const targets = useQuery({ ...trpc.bulk.shareTargets.queryOptions({ ids }), enabled: action === 'share' && ids.length > 0 });
  const decide = useMutation(trpc.bulk.decide.mutationOptions());
  const share = useMutation(trpc.bulk.share.mutationOptions());
  const tag = useMutation(trpc.bulk.tag.mutationOptions());
  const busy = decide.isPending || share.isPending || tag.isPending;

  // The report stays until the person asks for the list as it is now (a refresh re-renders the ticks and the report with them).
  function report(result: BulkOutcome[]) {
    setOutcomes(result);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const items = chosen(form);
    const data = new FormData(form);
    setProblem(null);
    setOutcomes(null);
    if (items.length === 0) return setProblem(t('bulk.noneChosen'));
    const onError = (error: { message: string; data?: Parameters<typeof sayError>[1] }) => setProblem(sayError(t, error.data, error.message));
    if (action === 'export') {
      const organizationId = String(data.get('organizationId') ?? exportOrganizations[0]?.organizationId ?? '');
      const query = new URLSearchParams({ organizationId, format: String(data.get('format') ?? 'csv'), ids: items.map((item) => item.id).join(',') });
      window.location.assign(`/api/workspace/export?${query.toString()}`);
      return;
    }
    if (action === 'share') return share.mutate({ ids: items.map((item) => item.id), organizationId: String(data.get('organizationId') ?? '') }, { onSuccess: report, onError });
    if (action === 'tag') return tag.mutate({ items, violationType: String(data.get('violationType') ?? '') }, { onSuccess: report, onError });
    decide.mutate({ action, items, comment: action === 'retract' ? String(data.get('comment') ?? '') : null }, { onSuccess: report, onError });
  }

  return (
    <form id={bulkFormId} onSubmit={onSubmit} className="mb-4 rounded-lg border border-slate-300 bg-white p-4" aria-labelledby="bulk-heading">
      <h2 id="bulk-heading" className="text-lg font-semibold">
        {t('bulk.heading')}
      </h2>
      <p className="text-sm text-slate-700" aria-live="polite">
        {t('bulk.chosen', { n: count })}
      </p>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="bulk-action" className={labelClass}>
            {t('bulk.action')}
          </label>
          <select id="bulk-action" value={action} onChange={(event) => setAction(event.target.value as Action)} className={`${inputClass} mt-1`}>
            {actions.filter((name) => name !== 'export' || exportOrganizations.length > 0).map((name) => (
              <option key={name} value={name}>
                {t(`bulk.action.${name}`)}
              </option>
            ))}
          </select>
        </div>
        {action === 'retract' ? (
          <div className="min-w-64 flex-1">
            <label htmlFor="bulk-comment" className={labelClass}>
              {t('bulk.reason')}
            </label>
            <input id="bulk-comment" name="comment" required maxLength={5000} className={`${inputClass} mt-1`} />
          </div>
        ) : null}
        {action === 'tag' ? (
          <div>
            <label htmlFor="bulk-type" className={labelClass}>
              {t('bulk.violationType')}
            </label>
            <select id="bulk-type" name="violationType" required className={`${inputClass} mt-1`}>
              {violationTypes.map((option) => (
                <option key={option.code} value={option.code}>
                  {'\u00a0\u00a0'.repeat(option.depth) + option.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {action === 'share' ? (
          <div>
            <label htmlFor="bulk-target" className={labelClass}>
              {t('bulk.shareWith')}
            </label>
            <select id="bulk-target" name="organizationId" required aria-describedby="bulk-target-notes" className={`${inputClass} mt-1`}>
              {(targets.data?.targets ?? []).map((target) => (
                <option key={target.id} value={target.id}>
                  {target.name}
                </option>
              ))}
            </select>
            {/* Only reviewers and admins of the first ticked incident's organization get the list: say why to anyone else. */}
            {targets.error ? <p className={errorClass}>{sayError(t, targets.error.data, targets.error.message)}</p> : null}
          </div>
        ) : null}
        {action === 'export' ? (
          <>
            {exportOrganizations.length > 1 ? (
              <div>
                <label htmlFor="bulk-export-org" className={labelClass}>
                  {t('savedSearches.organization')}
                </label>
                <select id="bulk-export-org" name="organizationId" className={`${inputClass} mt-1`}>
                  {exportOrganizations.map((m) => (
                    <option key={m.organizationId} value={m.organizationId}>
                      {m.organizationName}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <div>
              <label htmlFor="bulk-format" className={labelClass}>
                {t('bulk.format')}
              </label>
              <select id="bulk-format" name="format" className={`${inputClass} mt-1`}>
                {(['csv', 'xlsx', 'json'] as const).map((format) => (
                  <option key={format} value={format}>
                    {t(`list.export.${format}`)}
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : null}
        <button type="submit" disabled={busy} className={primaryButtonClass}>
          {busy ? t('bulk.working') : t('bulk.apply')}
        </button>
      </div>
      {action === 'share' && targets.data ? <ShareNotes answer={targets.data} titles={titles} /> : null}
      {problem ? <p className={errorClass}>{problem}</p> : null}
      <div role="status">
        {outcomes ? (
          <div className="mt-3" data-testid="bulk-report">
            <p className="font-medium">{t('bulk.report', { done: outcomes.filter((o) => o.done).length, refused: outcomes.filter((o) => !o.done).length })}</p>
            <ul className="mt-1 list-disc space-y-1 pl-6 text-sm">
              {outcomes.map((outcome) => (
                <li key={outcome.id}>
                  {titles[outcome.id] ?? outcome.id}: {outcome.done ? t('bulk.done') : t('bulk.refused', { reason: sayError(t, outcome, outcome.message ?? '') })}
                </li>
              ))}
            </ul>
            <button type="button" className="mt-2 font-medium text-blue-800 underline" onClick={() => router.refresh()}>
              {t('bulk.refresh')}
            </button>
          </div>
        ) : null}
      </div>
    </form>
  );
}

/** Before sharing: no organization fits them all, or which ticked incidents the viewer cannot share and why. */
function ShareNotes({ answer, titles }: { answer: { targets: unknown[]; refused: { id: string; problem: Problem }[] }; titles: Record<string, string> }) {
  const { t } = useI18n();
  return (
    <div id="bulk-target-notes" className="mt-2 text-sm text-slate-800" data-testid="bulk-share-notes">
      {answer.targets.length === 0 ? <p>{t('bulk.shareNoTargets')}</p> : null}
      {answer.refused.length > 0 ? (
        <>
          <p>{t('bulk.shareLeftOut')}</p>
          <ul className="list-disc pl-6">
            {answer.refused.map(({ id, problem }) => (
              <li key={id}>{t('bulk.shareLeftOutItem', { title: titles[id] ?? id, reason: sayProblem(t, problem.code, problem.params) })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
