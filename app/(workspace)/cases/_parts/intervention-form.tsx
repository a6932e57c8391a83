'use client';

import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { DatePrecision } from '@/db/schema';
import { interventionKinds, suggestedReplyDue } from '@/common/inputs/case';
import { partialDateToIso } from '@/common/partial-date';
import { useI18n } from '@/app/i18n/client';
import { useTRPC, useTRPCClient } from '@/app/trpc';
import { secondaryButtonClass } from '@/app/ui/styles';
import { MentionCompletion } from '../../_directory/mention-completion';
import { Field, PartialDateFields, SelectField } from './fields';
import { interventionKindLabel } from './labels';
import { useDebounced } from '@/app/ui/use-debounced';
import { SearchList } from './search-list';
import { CasePartForm } from './part-form';
import { useCaseAction } from './use-action';
import { useFormDraft } from '../../_drafts/use-form-draft';

export type InterventionValues = {
  kind: string;
  datePrecision: DatePrecision;
  date: string;
  by: string;
  referenceCode: string;
  summary: string;
  source: { id: string; title: string } | null;
  replyDueOn: string;
  replyReceivedOn: string;
};
const empty: InterventionValues = {
  kind: 'un_communication',
  datePrecision: 'day',
  date: '',
  by: '',
  referenceCode: '',
  summary: '',
  source: null,
  replyDueOn: '',
  replyReceivedOn: '',
};

type Props = {
  caseId: string;
  organizationId: string;
  /** The persons the case concerns, whom the summary may mention. */
  persons?: { id: string; name: string }[];
  editing?: { id: number; version: number; values: InterventionValues };
  onDone?: () => void;
};

/** The source an intervention rests on, chosen from the organization's sources. */
type ChooserProps = {
  id: string;
  organizationId: string;
  source: InterventionValues['source'];
  onChange: (source: InterventionValues['source']) => void;
  /** The search box's words, so that the form can refuse to save a search left without a choice. */
  text: string;
  setText: (text: string) => void;
};
function SourceChooser({ id, organizationId, source, onChange, text, setText }: ChooserProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const search = useDebounced(text.trim());
  const found = useQuery({ ...trpc.directory.sources.queryOptions({ organizationId, text: search }), enabled: search.length > 0 });
  if (source) {
    return (
      <div>
        <p className="font-medium text-slate-900">{t('interventions.source')}</p>
        <p className="mt-1">
          {source.title}{' '}
          <button type="button" className={`${secondaryButtonClass} ml-2 text-sm`} onClick={() => onChange(null)}>
            {t('interventions.removeSource')}
          </button>
        </p>
      </div>
    );
  }
  return (
    <SearchList
      id={id}
      label={t('interventions.searchSource')}
      text={text}
      onText={setText}
      items={search ? found.data : undefined}
      searching={found.isFetching}
      failed={found.isError}
      keyOf={(s) => s.id}
      render={(s) => (
        <>
          <span className="font-medium">{s.title}</span>
          <button type="button" className={`${secondaryButtonClass} text-sm`} onClick={() => {
              onChange({ id: s.id, title: s.title });
              setText('');
            }}>
            {t('interventions.chooseSource')}
          </button>
        </>
      )}
    />
  );
}

/**
 * Adds an intervention (UN communication, urgent appeal, government reply…) or edits one. For a UN
 * communication the reply due date is filled in 60 days after its date, until someone changes it.
 */
export function InterventionForm({ caseId, organizationId, persons = [], editing, onDone }: Props) {
  const { t } = useI18n();
  const client = useTRPCClient();
  const action = useCaseAction();
  const [values, setValues] = useState<InterventionValues>(editing?.values ?? empty);
  const [dueTouched, setDueTouched] = useState(Boolean(editing?.values.replyDueOn));
  const [sourceSearch, setSourceSearch] = useState('');
  const [sourceLeftOpen, setSourceLeftOpen] = useState(false);
  const local = useFormDraft({ formKey: `intervention:${caseId}:${editing?.id ?? 'new'}`, value: values, pristine: editing?.values ?? empty, onRestore: setValues });
  const errors = action.fieldErrors;
  const prefix = editing ? `intervention-${editing.id}` : 'intervention-new';

  function set(patch: Partial<InterventionValues>) {
    const next = { ...values, ...patch };
    if (!dueTouched) next.replyDueOn = suggestedReplyDue(next.kind, partialDateToIso(next.date, next.datePrecision), next.datePrecision) ?? '';
    setValues(next);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Words in the source search without a source chosen: saving would drop what the monitor meant to cite.
    const leftOpen = !values.source && sourceSearch.trim() !== '';
    setSourceLeftOpen(leftOpen);
    if (leftOpen) return document.getElementById(`${prefix}-source`)?.focus();
    const fields = {
      kind: values.kind,
      datePrecision: values.datePrecision,
      date: values.date,
      by: values.by || null,
      referenceCode: values.referenceCode || null,
      summary: values.summary || null,
      sourceId: values.source?.id ?? null,
      replyDueOn: values.replyDueOn || null,
      replyReceivedOn: values.replyReceivedOn || null,
    };
    const ok = await action.run(
      () => (editing ? client.case.updateIntervention.mutate({ id: editing.id, version: editing.version, ...fields }) : client.case.addIntervention.mutate({ caseId, ...fields })),
      () => t('interventions.saved'),
    );
    if (ok) {
      if (!editing) {
        setValues(empty);
        setDueTouched(false);
      }
      local.startOver(editing ? values : empty);
      onDone?.();
    }
  }

  const kinds: string[] = (interventionKinds as readonly string[]).includes(values.kind) ? [...interventionKinds] : [values.kind, ...interventionKinds];
  return (
    <CasePartForm prefix={prefix} words="interventions" action={action} draft={local} editing={Boolean(editing)} onCancel={onDone} onSubmit={onSubmit}>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id={`${prefix}-kind`} label={t('interventions.kind')} value={values.kind} error={errors.kind} onChange={(kind) => set({ kind })}>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {interventionKindLabel(kind, t)}
            </option>
          ))}
        </SelectField>
        <Field id={`${prefix}-by`} label={t('interventions.by')} value={values.by} error={errors.by} onChange={(by) => set({ by })} />
      </div>
      <PartialDateFields
        idPrefix={prefix}
        precision={values.datePrecision}
        date={values.date}
        required
        error={errors.date}
        onChange={({ precision, date }) => set({ datePrecision: precision, date })}
      />
      <Field
        id={`${prefix}-reference`}
        label={t('interventions.referenceCode')}
        hint={t('interventions.referenceHint')}
        value={values.referenceCode}
        error={errors.referenceCode}
        onChange={(referenceCode) => set({ referenceCode })}
      />
      <Field id={`${prefix}-summary`} label={t('interventions.summary')} multiline value={values.summary} error={errors.summary} onChange={(summary) => set({ summary })} />
      <MentionCompletion
        fieldId={`${prefix}-summary`}
        choices={persons.map((person) => ({ target: 'person' as const, id: person.id, label: person.name }))}
        text={values.summary}
        onChange={(summary) => set({ summary })}
      />
      <SourceChooser id={`${prefix}-source`} organizationId={organizationId} source={values.source} onChange={(source) => set({ source })} text={sourceSearch} setText={setSourceSearch} />
      {sourceLeftOpen && !values.source && sourceSearch.trim() ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {t('interventions.sourceNotChosen', { text: sourceSearch.trim() })}
        </p>
      ) : null}
      {errors.sourceId ? <p className="text-sm font-medium text-red-800">{errors.sourceId}</p> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id={`${prefix}-reply-due`}
          label={t('interventions.replyDueOn')}
          hint={t('interventions.replyDueHint')}
          value={values.replyDueOn}
          error={errors.replyDueOn}
          onChange={(replyDueOn) => {
            setDueTouched(true);
            setValues({ ...values, replyDueOn });
          }}
        />
        <Field
          id={`${prefix}-reply-received`}
          label={t('interventions.replyReceivedOn')}
          hint={t('interventions.replyReceivedHint')}
          value={values.replyReceivedOn}
          error={errors.replyReceivedOn}
          onChange={(replyReceivedOn) => set({ replyReceivedOn })}
        />
      </div>
    </CasePartForm>
  );
}
