'use client';

import { useState } from 'react';
import { useI18n } from '@/app/i18n/client';
import { useTRPCClient } from '@/app/trpc';
import { dangerLinkButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import { ActionAlert, ActionStatus } from '../../_actions/action-alert';
import { InterventionForm, type InterventionValues } from './intervention-form';
import { LegalEventForm, type LegalEventValues } from './legal-event-form';
import { useCaseAction } from './use-action';

/** "Remove from case" beside a linked incident. */
export function UnlinkIncident({ caseId, incidentId, title }: { caseId: string; incidentId: string; title: string }) {
  const { t } = useI18n();
  const client = useTRPCClient();
  const action = useCaseAction();
  return (
    <div className="mt-2 space-y-2">
      <button
        type="button"
        className={dangerLinkButtonClass}
        disabled={action.pending}
        aria-label={t('cases.timeline.unlinkLabel', { title })}
        onClick={() => void action.run(() => client.case.unlinkIncident.mutate({ caseId, incidentId }), () => t('cases.link.removed'))}
      >
        {t('cases.timeline.unlink')}
      </button>
      <ActionAlert problem={action.problem} heading={t('cases.link.notDone')} />
      <ActionStatus message={action.done} />
    </div>
  );
}

type PartProps =
  | { kind: 'legalEvent'; caseId: string; id: number; version: number; label: string; persons: { id: string; name: string }[]; values: LegalEventValues }
  | { kind: 'intervention'; caseId: string; organizationId: string; id: number; version: number; label: string; persons: { id: string; name: string }[]; values: InterventionValues };

/** Edit and Remove beside a legal event or an intervention; editing opens the same form in place. */
export function PartActions(props: PartProps) {
  const { t } = useI18n();
  const client = useTRPCClient();
  const action = useCaseAction();
  const [editing, setEditing] = useState(false);
  if (editing) {
    const close = () => setEditing(false);
    return props.kind === 'legalEvent' ? (
      <div className="mt-3">
        <LegalEventForm caseId={props.caseId} persons={props.persons} editing={{ id: props.id, version: props.version, values: props.values }} onDone={close} />
      </div>
    ) : (
      <div className="mt-3">
        <InterventionForm caseId={props.caseId} organizationId={props.organizationId} persons={props.persons} editing={{ id: props.id, version: props.version, values: props.values }} onDone={close} />
      </div>
    );
  }
  const remove = () =>
    props.kind === 'legalEvent'
      ? client.case.removeLegalEvent.mutate({ id: props.id, version: props.version })
      : client.case.removeIntervention.mutate({ id: props.id, version: props.version });
  return (
    <div className="mt-2 space-y-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className={`${secondaryButtonClass} text-sm`} aria-label={t('cases.timeline.editLabel', { what: props.label })} onClick={() => setEditing(true)}>
          {t('cases.timeline.edit')}
        </button>
        <button
          type="button"
          className={dangerLinkButtonClass}
          disabled={action.pending}
          aria-label={t('cases.timeline.removeLabel', { what: props.label })}
          onClick={() => void action.run(remove, () => t('cases.timeline.removed'))}
        >
          {t('cases.timeline.remove')}
        </button>
      </div>
      <ActionAlert problem={action.problem} heading={t('cases.timeline.notRemoved')} />
      <ActionStatus message={action.done} />
    </div>
  );
}
