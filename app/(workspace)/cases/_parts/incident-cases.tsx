'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useI18n } from '@/app/i18n/client';
import { useTRPC, useTRPCClient } from '@/app/trpc';
import { StatusBadge } from '@/app/ui/status-badge';
import { dangerLinkButtonClass, linkClass, secondaryButtonClass } from '@/app/ui/styles';
import { ActionAlert, ActionStatus } from '../../_actions/action-alert';
import { useDebounced } from '@/app/ui/use-debounced';
import { Panel } from '@/app/ui/panel';
import { SearchList } from './search-list';
import { useCaseAction } from './use-action';

/**
 * The "Cases" box of an incident page: the cases of the viewer's organizations that hold this
 * incident, with adding it to another case (search as you type) and removing it from one.
 */
export function IncidentCases({ incidentId }: { incidentId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const action = useCaseAction();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const holding = useQuery(trpc.case.ofIncident.queryOptions({ incidentId }));
  const choices = useQuery({ ...trpc.case.editableChoices.queryOptions({ incidentId, text: search }), enabled: search.length > 0 });
  const inCase = new Set((holding.data ?? []).map((c) => c.id));

  const refresh = () => {
    void holding.refetch();
    void choices.refetch();
  };

  return (
    <Panel id="incident-cases-heading" heading={t('cases.incidentBox.heading')}>
      <div className="mt-3 space-y-3">
        <ActionAlert problem={action.problem} heading={t('cases.link.notDone')} />
        <ActionStatus message={action.done} />
        {holding.isError ? <p>{t('picker.failed')}</p> : null}
        {holding.data && holding.data.length === 0 ? <p className="text-slate-700">{t('cases.incidentBox.none')}</p> : null}
        {holding.data && holding.data.length > 0 ? (
          <ul className="space-y-2">
            {holding.data.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-3">
                <Link href={`/cases/${c.id}`} className={linkClass}>
                  {c.title}
                </Link>
                <StatusBadge status={c.reviewStatus} t={t} />
                {c.canEdit ? (
                  <button
                    type="button"
                    className={dangerLinkButtonClass}
                    disabled={action.pending}
                    aria-label={t('cases.incidentBox.removeLabel', { title: c.title })}
                    onClick={() => void action.run(() => client.case.unlinkIncident.mutate({ caseId: c.id, incidentId }), () => t('cases.link.removed')).then(refresh)}
                  >
                    {t('cases.timeline.unlink')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        <SearchList
          id="incident-case-search"
          label={t('cases.incidentBox.search')}
          text={text}
          onText={setText}
          items={search ? choices.data?.filter((c) => !inCase.has(c.id)) : undefined}
          searching={choices.isFetching}
          failed={choices.isError}
          keyOf={(c) => c.id}
          noResults={t('cases.incidentBox.noMatch')}
          render={(c) => (
            <>
              <span className="font-medium">{c.title}</span>
              {c.linkable ? null : <span className="text-sm text-slate-700">{t('cases.incidentBox.busy')}</span>}
              <button
                hidden={!c.linkable}
                type="button"
                className={`${secondaryButtonClass} text-sm`}
                disabled={action.pending}
                aria-label={t('cases.incidentBox.addLabel', { title: c.title })}
                onClick={() =>
                  void action
                    .run(
                      () => client.case.linkIncident.mutate({ caseId: c.id, incidentId }),
                      (result) => t(result.changed ? 'cases.incidentBox.added' : 'cases.incidentBox.already', { title: c.title }),
                    )
                    .then(() => {
                      setText('');
                      refresh();
                    })
                }
              >
                {t('cases.incidentBox.add')}
              </button>
            </>
          )}
        />
      </div>
    </Panel>
  );
}
