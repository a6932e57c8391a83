'use client';

import { useState, type FormEvent } from 'react';
import { useFormDraft } from '../../_drafts/use-form-draft';
import { legalEventKinds, type DatePrecision, type LegalEventKind } from '@/common/values';
import { useI18n } from '@/app/i18n/client';
import { useTRPCClient } from '@/app/trpc';
import { secondaryButtonClass } from '@/app/ui/styles';
import { MentionCompletion } from '../../_directory/mention-completion';
import { Field, PartialDateFields, SelectField } from './fields';
import { CasePartForm } from './part-form';
import { useCaseAction } from './use-action';

type Provision = { code: string; article: string; title: string };
export type LegalEventValues = {
  kind: LegalEventKind;
  datePrecision: DatePrecision;
  date: string;
  personId: string;
  court: string;
  summary: string;
  outcome: string;
  provisions: Provision[];
};
const empty: LegalEventValues = { kind: 'charges', datePrecision: 'day', date: '', personId: '', court: '', summary: '', outcome: '', provisions: [] };

type Props = {
  caseId: string;
  persons: { id: string; name: string }[];
  /** Editing an existing event: its id, version and current values. */
  editing?: { id: number; version: number; values: LegalEventValues };
  onDone?: () => void;
};

/** Adds a step of the proceedings (charges, hearing, verdict, sentence, appeal…) or edits one. */
export function LegalEventForm({ caseId, persons, editing, onDone }: Props) {
  const { t } = useI18n();
  const client = useTRPCClient();
  const action = useCaseAction();
  const [values, setValues] = useState<LegalEventValues>(editing?.values ?? empty);
  const local = useFormDraft({ formKey: `legal-event:${caseId}:${editing?.id ?? 'new'}`, value: values, pristine: editing?.values ?? empty, onRestore: setValues });
  const errors = action.fieldErrors;
  const prefix = editing ? `legal-${editing.id}` : 'legal-new';
  const set = (patch: Partial<LegalEventValues>) => setValues({ ...values, ...patch });
  // The texts may mention the persons the case concerns (common/mentions.ts).
  const mentionChoices = persons.map((person) => ({ target: 'person' as const, id: person.id, label: person.name }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = {
      kind: values.kind,
      datePrecision: values.datePrecision,
      date: values.date || null,
      personId: values.personId || null,
      court: values.court || null,
      summary: values.summary || null,
      outcome: values.outcome || null,
      provisions: values.provisions.filter((p) => p.article || p.code || p.title).map((p) => ({ code: p.code || null, article: p.article, title: p.title || null })),
    };
    const ok = await action.run(
      () => (editing ? client.case.updateLegalEvent.mutate({ id: editing.id, version: editing.version, ...fields }) : client.case.addLegalEvent.mutate({ caseId, ...fields })),
      () => t('cases.legal.saved'),
    );
    if (ok) {
      if (!editing) setValues(empty);
      local.startOver(editing ? values : empty);
      onDone?.();
    }
  }

  return (
    <CasePartForm prefix={prefix} words="cases.legal" action={action} draft={local} editing={Boolean(editing)} onCancel={onDone} onSubmit={onSubmit}>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id={`${prefix}-kind`} label={t('cases.legal.kind')} value={values.kind} error={errors.kind} onChange={(kind) => set({ kind: kind as LegalEventKind })}>
          {legalEventKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`cases.legal.kind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id={`${prefix}-person`} label={t('cases.legal.person')} value={values.personId} error={errors.personId} onChange={(personId) => set({ personId })}>
          <option value="">{t('cases.legal.noPerson')}</option>
          {persons.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </SelectField>
      </div>
      <PartialDateFields
        idPrefix={prefix}
        precision={values.datePrecision}
        date={values.date}
        required={false}
        error={errors.date}
        onChange={({ precision, date }) => set({ datePrecision: precision, date })}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${prefix}-court`} label={t('cases.legal.court')} value={values.court} error={errors.court} onChange={(court) => set({ court })} />
        <div>
          <Field id={`${prefix}-outcome`} label={t('cases.legal.outcome')} hint={t('cases.legal.outcomeHint')} value={values.outcome} error={errors.outcome} onChange={(outcome) => set({ outcome })} />
          <MentionCompletion fieldId={`${prefix}-outcome`} choices={mentionChoices} text={values.outcome} onChange={(outcome) => set({ outcome })} />
        </div>
      </div>
      <Field id={`${prefix}-summary`} label={t('cases.legal.summary')} multiline value={values.summary} error={errors.summary} onChange={(summary) => set({ summary })} />
      <MentionCompletion fieldId={`${prefix}-summary`} choices={mentionChoices} text={values.summary} onChange={(summary) => set({ summary })} />
      <fieldset>
        <legend className="font-medium text-slate-900">{t('cases.legal.provisions')}</legend>
        <ul className="mt-2 space-y-3">
          {values.provisions.map((provision, index) => {
            const change = (patch: Partial<Provision>) => set({ provisions: values.provisions.map((p, i) => (i === index ? { ...p, ...patch } : p)) });
            return (
              <li key={index} className="grid items-end gap-3 sm:grid-cols-[1fr_8rem_1fr_auto]">
                <Field id={`${prefix}-provision-${index}-code`} label={t('cases.legal.provisionCode')} value={provision.code} error={errors[`provisions.${index}.code`]} onChange={(code) => change({ code })} />
                <Field id={`${prefix}-provision-${index}-article`} label={t('cases.legal.provisionArticle')} value={provision.article} error={errors[`provisions.${index}.article`]} onChange={(article) => change({ article })} />
                <Field id={`${prefix}-provision-${index}-title`} label={t('cases.legal.provisionTitle')} value={provision.title} error={errors[`provisions.${index}.title`]} onChange={(title) => change({ title })} />
                <button type="button" className={secondaryButtonClass} onClick={() => set({ provisions: values.provisions.filter((_, i) => i !== index) })}>
                  {t('cases.legal.removeProvision', { n: index + 1 })}
                </button>
              </li>
            );
          })}
        </ul>
        <button type="button" className={`${secondaryButtonClass} mt-3`} onClick={() => set({ provisions: [...values.provisions, { code: '', article: '', title: '' }] })}>
          {t('cases.legal.addProvision')}
        </button>
      </fieldset>
    </CasePartForm>
  );
}
