'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatIncidentDateRange } from '@/common/i18n';
import { useI18n } from '@/app/i18n/client';
import { useTRPC, useTRPCClient } from '@/app/trpc';
import { fieldsetClass, legendClass, secondaryButtonClass } from '@/app/ui/styles';
import { ActionAlert, ActionStatus } from '../../_actions/action-alert';
import { useDebounced } from '@/app/ui/use-debounced';
import { SearchList } from './search-list';
import { useCaseAction } from './use-action';

/**
 * Adds incidents to the case as you type: the organization's incidents and those shared with it that
 * are not in the case yet, matched on their title and summary.
 */
export function LinkIncidents({ caseId }: { caseId: string }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const action = useCaseAction();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const found = useQuery({ ...trpc.case.incidentPicker.queryOptions({ caseId, text: search }), enabled: search.length > 0 });

  return (
    <section className={fieldsetClass} aria-labelledby="link-heading">
      <h3 id="link-heading" className={legendClass}>
        {t('cases.link.heading')}
      </h3>
      <div className="mt-3 space-y-3">
        <ActionAlert problem={action.problem} heading={t('cases.link.notDone')} />
        <ActionStatus message={action.done} />
        <SearchList
          id="link-incident-search"
          label={t('cases.link.search')}
          hint={t('cases.link.hint')}
          text={text}
          onText={setText}
          items={search ? found.data : undefined}
          searching={found.isFetching}
          failed={found.isError}
          keyOf={(incident) => incident.id}
          noResults={t('cases.link.noMatch')}
          render={(incident) => (
            <>
              <span>
                <span className="font-medium">{incident.title}</span>{' '}
                <span className="text-sm text-slate-600">
                  {formatIncidentDateRange(incident.startDate, incident.endDate, incident.datePrecision, locale)}
                  {incident.sharedBy ? ` · ${t('cases.timeline.sharedBy', { name: incident.sharedBy })}` : ''}
                </span>
              </span>
              <button
                type="button"
                className={`${secondaryButtonClass} text-sm`}
                disabled={action.pending}
                aria-label={t('cases.link.addLabel', { title: incident.title })}
                onClick={() =>
                  void action
                    .run(
                      () => client.case.linkIncident.mutate({ caseId, incidentId: incident.id }),
                      (result) => t(result.changed ? 'cases.link.added' : 'cases.link.already', { title: incident.title }),
                    )
                    .then(() => void found.refetch())
                }
              >
                {t('cases.link.add')}
              </button>
            </>
          )}
        />
      </div>
    </section>
  );
}
