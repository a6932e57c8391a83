'use client';

import { useState, type FormEvent } from 'react';
import { useI18n } from '@/app/i18n/client';
import { isoDay } from '@/common/i18n';
import { useTRPCClient } from '@/app/trpc';
import { inputClass, secondaryButtonClass } from '@/app/ui/styles';
import { ActionAlert, ActionStatus } from '../../_actions/action-alert';
import { describedBy, FieldMessage } from '@/app/ui/field';
import { useCaseAction } from '../../cases/_parts/use-action';

/** Records the day the awaited reply came; the intervention then leaves this list. */
export function RecordReply({ id, version, label }: { id: number; version: number; label: string }) {
  const { t } = useI18n();
  const client = useTRPCClient();
  const action = useCaseAction();
  const [day, setDay] = useState(() => isoDay());
  const inputId = `reply-${id}`;
  const error = action.fieldErrors.replyReceivedOn;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void action.run(() => client.case.replyReceived.mutate({ id, version, replyReceivedOn: day }), () => t('interventions.awaiting.recorded'));
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-2">
      <label htmlFor={inputId} className="block text-sm font-medium">
        {t('interventions.awaiting.receivedOn', { what: label })}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={inputId}
          type="date"
          value={day}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(inputId, false, error)}
          className={`${inputClass} w-auto`}
          onChange={(event) => setDay(event.target.value)}
        />
        <button type="submit" className={`${secondaryButtonClass} text-sm`} disabled={action.pending}>
          {t('interventions.awaiting.record')}
        </button>
      </div>
      <FieldMessage id={inputId} error={error} />
      <ActionAlert problem={action.problem && !error ? action.problem : null} heading={t('interventions.awaiting.notRecorded')} />
      <ActionStatus message={action.done} />
    </form>
  );
}
