'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useState, type FormEvent } from 'react';
import { useI18n } from '@/app/i18n/client';
import { useTRPC, useTRPCClient } from '@/app/trpc';
import Link from 'next/link';
import { fieldsetClass, legendClass, linkClass, primaryButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import { ActionAlert } from '../../_actions/action-alert';
import { problemOf, type ActionProblem } from '../../_actions/problem';
import { Field, SelectField } from './fields';
import { useDebounced } from '@/app/ui/use-debounced';
import { SearchList } from './search-list';
import { MentionCompletion } from '../../_directory/mention-completion';
import { MentionPicker } from '../../_directory/mention-picker';
import { DraftOffer } from '../../_drafts/draft-offer';
import { submitOnCtrlEnter } from '../../_drafts/shortcuts';
import { useFormDraft } from '../../_drafts/use-form-draft';

export type CasePerson = { personId: string; name: string; role: string };
type Values = { title: string; summary: string; status: 'open' | 'closed'; persons: CasePerson[] };
type Props =
  | { mode: 'create'; organizations: { id: string; name: string }[] }
  | { mode: 'edit'; caseId: string; version: number; organizationId: string; initial: Values };

/** The persons a case concerns: chosen from the organization's records, each with an optional role. */
function PersonsFieldset({ organizationId, persons, onChange, errors }: { organizationId: string; persons: CasePerson[]; onChange: (list: CasePerson[]) => void; errors: Record<string, string> }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const found = useQuery({ ...trpc.directory.persons.queryOptions({ organizationId, text: search }), enabled: search.length > 0 && organizationId !== '' });
  const chosen = new Set(persons.map((p) => p.personId));
  return (
    <fieldset className={fieldsetClass}>
      <legend className={legendClass}>{t('cases.form.persons')}</legend>
      <p className="text-sm text-slate-600">{t('cases.form.personsHint')}</p>
      {errors.persons ? <p className="mt-2 text-sm font-medium text-red-800">{errors.persons}</p> : null}
      {persons.length === 0 ? (
        <p className="mt-3 text-slate-700">{t('cases.form.noPersons')}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {persons.map((person, index) => (
            <li key={person.personId} className="flex flex-wrap items-end gap-3">
              <div className="min-w-48 flex-1">
                <p className="font-medium">{person.name}</p>
                <Field
                  id={`case-person-${index}-role`}
                  label={t('cases.form.role', { name: person.name })}
                  value={person.role}
                  error={errors[`persons.${index}.role`] ?? errors[`persons.${index}.personId`]}
                  onChange={(role) => onChange(persons.map((p, i) => (i === index ? { ...p, role } : p)))}
                />
              </div>
              <button type="button" className={secondaryButtonClass} onClick={() => onChange(persons.filter((_, i) => i !== index))}>
                {t('cases.form.removePerson', { name: person.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-4">
        <SearchList
          id="case-person-search"
          label={t('cases.form.searchPersons')}
          text={text}
          onText={setText}
          items={search ? found.data?.filter((p) => !chosen.has(p.id)) : undefined}
          searching={found.isFetching}
          failed={found.isError}
          keyOf={(p) => p.id}
          render={(p) => (
            <>
              <span>
                <span className="font-medium">{p.name}</span>
                {p.confidential ? <span className="ml-2 text-sm text-slate-600">({t('cases.page.confidential')})</span> : null}
              </span>
              <button
                type="button"
                className={`${secondaryButtonClass} text-sm`}
                onClick={() => {
                  onChange([...persons, { personId: p.id, name: p.name, role: '' }]);
                  setText('');
                }}
              >
                {t('cases.form.addPerson', { name: p.name })}
              </button>
            </>
          )}
        />
      </div>
    </fieldset>
  );
}

/** Creates a case, or edits its own fields (the timeline's parts are edited on the case page). */
export function CaseForm(props: Props) {
  const { t } = useI18n();
  const client = useTRPCClient();
  const router = useRouter();
  const [opened] = useState(() => ({
    values: props.mode === 'edit' ? props.initial : ({ title: '', summary: '', status: 'open', persons: [] } as Values),
    organizationId: props.mode === 'edit' ? props.organizationId : (props.organizations[0]?.id ?? ''),
  }));
  const [values, setValues] = useState<Values>(opened.values);
  const [organizationId, setOrganizationId] = useState(opened.organizationId);
  const local = useFormDraft({
    formKey: props.mode === 'edit' ? `case:${props.caseId}` : 'case:new',
    value: { values, organizationId },
    pristine: opened,
    onRestore: useCallback((kept: typeof opened) => {
      setValues(kept.values);
      setOrganizationId(kept.organizationId);
    }, []),
  });
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const errors = problem?.fieldErrors ?? {};

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setProblem(null);
    const fields = {
      title: values.title,
      summary: values.summary || null,
      status: values.status,
      persons: values.persons.map((p) => ({ personId: p.personId, role: p.role || null })),
    };
    try {
      const saved =
        props.mode === 'create'
          ? await client.case.create.mutate({ organizationId, ...fields })
          : await client.case.update.mutate({ id: props.caseId, version: props.version, ...fields });
      local.markSaved();
      router.push(`/cases/${saved.id}`);
      router.refresh();
    } catch (error) {
      setProblem(problemOf(error, t));
      setPending(false);
    }
  }

  const mentionChoices = values.persons.map((p) => ({ target: 'person' as const, id: p.personId, label: p.name }));
  const cancelHref = props.mode === 'edit' ? `/cases/${props.caseId}` : '/cases';
  return (
    <form noValidate onSubmit={onSubmit} onKeyDown={submitOnCtrlEnter} className="space-y-6">
      <DraftOffer offer={local.offer} onRestore={local.restore} onDiscard={local.discard} />
      <ActionAlert problem={problem} heading={t('cases.form.notSaved')} />
      <div className={`${fieldsetClass} space-y-4`}>
        {props.mode === 'create' && props.organizations.length > 1 ? (
          <SelectField id="case-organization" label={t('cases.form.organization')} value={organizationId} error={errors.organizationId} onChange={setOrganizationId}>
            {props.organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <Field id="case-title" label={t('cases.form.title')} hint={t('cases.form.titleHint')} required value={values.title} error={errors.title} onChange={(title) => setValues({ ...values, title })} />
        <MentionCompletion fieldId="case-title" choices={mentionChoices} text={values.title} onChange={(title) => setValues({ ...values, title })} />
        <Field id="case-summary" label={t('cases.form.summary')} multiline value={values.summary} error={errors.summary} onChange={(summary) => setValues({ ...values, summary })} />
        <MentionCompletion fieldId="case-summary" choices={mentionChoices} text={values.summary} onChange={(summary) => setValues({ ...values, summary })} />
        <MentionPicker choices={mentionChoices} text={values.summary} onChange={(summary) => setValues({ ...values, summary })} />
        <SelectField id="case-status" label={t('cases.form.status')} value={values.status} error={errors.status} onChange={(status) => setValues({ ...values, status: status as Values['status'] })}>
          <option value="open">{t('cases.status.open')}</option>
          <option value="closed">{t('cases.status.closed')}</option>
        </SelectField>
      </div>
      <PersonsFieldset organizationId={organizationId} persons={values.persons} onChange={(persons) => setValues({ ...values, persons })} errors={errors} />
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          {pending ? t('cases.form.saving') : props.mode === 'create' ? t('cases.form.create') : t('cases.form.save')}
        </button>
        <Link href={cancelHref} className={linkClass}>
          {t('cases.form.cancel')}
        </Link>
      </div>
    </form>
  );
}
