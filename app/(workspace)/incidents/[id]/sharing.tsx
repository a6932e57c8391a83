'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { formatMoment } from '@/common/i18n';
import { useI18n } from '@/app/i18n/client';
import { useTRPCClient } from '@/app/trpc';
import { inputClass, labelClass, primaryButtonClass } from '@/app/ui/styles';
import { Panel } from '@/app/ui/panel';
import { ActionAlert, ActionStatus } from '../../_actions/action-alert';
import { problemOf, type ActionProblem } from '../../_actions/problem';

type Share = { organizationId: string; name: string; sharedAt: Date };
type Target = { id: string; name: string };

/**
 * Read-only sharing with other organizations on the platform. Everyone in the organization sees with
 * whom the incident is shared; reviewers and admins (incident.get → canShare) share and stop sharing.
 */
export function SharingPanel({ incidentId, canShare, shares, targets }: { incidentId: string; canShare: boolean; shares: Share[]; targets: Target[] }) {
  const { locale, t } = useI18n();
  const client = useTRPCClient();
  const router = useRouter();
  const id = useId();
  const [organizationId, setOrganizationId] = useState('');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [choiceError, setChoiceError] = useState<string | null>(null);

  const sharedWith = new Set(shares.map((s) => s.organizationId));
  const available = targets.filter((target) => !sharedWith.has(target.id));

  async function act(action: () => Promise<unknown>, message: string) {
    setPending(true);
    setProblem(null);
    setDone(null);
    try {
      await action();
      setDone(message);
    } catch (error) {
      setProblem(problemOf(error, t));
    } finally {
      setPending(false);
      router.refresh();
    }
  }

  function onShare(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = available.find((candidate) => candidate.id === organizationId);
    if (!target) {
      setChoiceError(t('sharing.chooseFirst'));
      return;
    }
    setChoiceError(null);
    void act(async () => {
      await client.incident.share.mutate({ id: incidentId, organizationId });
      setOrganizationId('');
    }, t('sharing.shared', { name: target.name }));
  }

  return (
    <Panel id="sharing-heading" heading={t('sharing.heading')}>
      <p className="mt-2 text-sm text-slate-700">{t('sharing.explain')}</p>
      <div className="mt-3 space-y-3">
        <ActionAlert problem={problem} heading={t('sharing.notDone')} />
        <ActionStatus message={done} />
      </div>
      {shares.length === 0 ? (
        <p className="mt-3 text-slate-700">{t('sharing.notShared')}</p>
      ) : (
        <ul className="mt-3 space-y-2" aria-label={t('sharing.sharedWithLabel')}>
          {shares.map((share) => (
            <li key={share.organizationId} className="flex flex-wrap items-center gap-3">
              <span>
                <span className="font-medium">{share.name}</span>{' '}
                <span className="text-sm text-slate-600">{t('sharing.since', { at: formatMoment(new Date(share.sharedAt), locale) })}</span>
              </span>
              {canShare ? (
                <button
                  type="button"
                  disabled={pending}
                  onClick={() =>
                    void act(() => client.incident.unshare.mutate({ id: incidentId, organizationId: share.organizationId }), t('sharing.unshared', { name: share.name }))
                  }
                  className="text-sm font-medium text-red-800 underline hover:text-red-950 disabled:opacity-60"
                >
                  {t('sharing.unshare', { name: share.name })}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canShare ? (
        available.length === 0 ? (
          <p className="mt-4 text-sm text-slate-600">{t('sharing.noTargets')}</p>
        ) : (
          <form onSubmit={onShare} noValidate className="mt-4 flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor={`${id}-org`} className={labelClass}>
                {t('sharing.with')}
              </label>
              <select
                id={`${id}-org`}
                value={organizationId}
                onChange={(event) => setOrganizationId(event.target.value)}
                aria-invalid={choiceError ? true : undefined}
                aria-describedby={choiceError ? `${id}-error` : undefined}
                className={`${inputClass} mt-1`}
              >
                <option value="">{t('sharing.choose')}</option>
                {available.map((target) => (
                  <option key={target.id} value={target.id}>
                    {target.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" disabled={pending} className={primaryButtonClass}>
              {t('sharing.share')}
            </button>
            {choiceError ? (
              <p id={`${id}-error`} className="basis-full text-sm font-medium text-red-800">
                {choiceError}
              </p>
            ) : null}
          </form>
        )
      ) : null}
    </Panel>
  );
}
