'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { formatMoment } from '@/common/i18n';
import { useI18n } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc';
import { dangerLinkButtonClass, inputClass, labelClass, secondaryButtonClass } from '@/app/ui/styles';
import { ItemList } from '@/app/ui/item-list';
import { ActionAlert, ActionStatus } from '../_actions/action-alert';
import { problemOf, type ActionProblem } from '../_actions/problem';

/**
 * Deleted evidence files of the admin's organizations: restore, or erase for good (a legal erasure
 * request) with a reason, which the audit log keeps with the file's SHA-256.
 */
export function DeletedFiles() {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const id = useId();
  const deleted = useQuery(trpc.evidence.deleted.queryOptions());
  const restore = useMutation(trpc.evidence.restore.mutationOptions());
  const purge = useMutation(trpc.evidence.purge.mutationOptions());
  const [erasing, setErasing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function act(action: () => Promise<unknown>, message: string) {
    setProblem(null);
    setDone(null);
    try {
      await action();
      setDone(message);
      setErasing(null);
      setReason('');
    } catch (error) {
      setProblem(problemOf(error, t));
    } finally {
      await deleted.refetch();
    }
  }

  const rows = deleted.data ?? [];
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {t('deleted.filesHeading')}
      </h2>
      <ActionAlert problem={problem} heading={t('evidence.notDone')} />
      <ActionStatus message={done} />
      {deleted.data && rows.length === 0 ? <p className="rounded-lg border border-slate-300 bg-white p-6">{t('deleted.filesNone')}</p> : null}
      {rows.length > 0 ? (
        <ItemList>
          {rows.map((file) => (
            <li key={file.id} className="p-3">
              <p>
                <span className="font-medium break-all">{file.title}</span>{' '}
                <span className="text-sm text-slate-600">
                  {t('deleted.fileDeletedBy', { name: file.deletedByName ?? '—', at: file.deletedAt ? formatMoment(new Date(file.deletedAt), locale) : '' })}
                </span>
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                <button type="button" className={secondaryButtonClass} disabled={restore.isPending} onClick={() => act(() => restore.mutateAsync({ id: file.id }), t('deleted.fileRestored'))}>
                  {t('deleted.restore')}
                </button>
                <button type="button" className={dangerLinkButtonClass} aria-expanded={erasing === file.id} onClick={() => setErasing(erasing === file.id ? null : file.id)}>
                  {t('deleted.filePurge')}
                </button>
              </div>
              {erasing === file.id ? (
                <form
                  className="mt-3 space-y-2"
                  onSubmit={(event) => {
                    event.preventDefault();
                    void act(() => purge.mutateAsync({ id: file.id, reason }), t('deleted.filePurged'));
                  }}
                >
                  <label htmlFor={`${id}-reason`} className={labelClass}>
                    {t('deleted.filePurgeReason')}
                  </label>
                  <textarea id={`${id}-reason`} className={inputClass} rows={2} value={reason} maxLength={2000} onChange={(event) => setReason(event.target.value)} />
                  <button type="submit" className={dangerLinkButtonClass} disabled={purge.isPending}>
                    {t('deleted.filePurgeConfirm')}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ItemList>
      ) : null}
    </section>
  );
}
