'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TRPCClientErrorLike } from '@trpc/client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useState, type FormEvent } from 'react';
import type { AppRouter } from '@/server/routers';
import type { IncidentDetail } from '@/server/services/incidents/read';
import { incidentInput } from '@/common/inputs/incident';
import { formatMoment } from '@/common/i18n';
import { useI18n } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc';
import { primaryButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import { termOptions, type Term } from '@/app/ui/vocabulary';
import { fieldId, zodFieldErrors, type FieldErrors } from './errors';
import { sayError, sayFieldErrors } from '@/common/i18n/problems';
import { FieldErrorsContext, Group, SelectField, TextField, unfoldSections, useFocusAfterRender } from './fields';
import { LegalProvisionsFieldset, PerpetratorsFieldset } from './lists';
import { ConflictMessage, ErrorSummary } from './notices';
import { SourcesFieldset } from './sources';
import { useRememberedChoices } from './remembered-choices';
import { draftFromIncident, duplicateDraft, emptyDraft, rekeyDraft, toIncidentInput, type IncidentDraft } from './state';
import { sectionSummaries } from './summary';
import { TermPicker } from './term-picker';
import { VictimsFieldset } from './victims';
import { useDuplicateCheck } from './duplicate-warning';
import { DateFieldset, LocationFieldset } from './when-where';
import { MentionCompletion } from '../../_directory/mention-completion';
import { MentionPicker } from '../../_directory/mention-picker';
import { DraftOffer } from '../../_drafts/draft-offer';
import { submitOnCtrlEnter } from '../../_drafts/shortcuts';
import { useFormDraft } from '../../_drafts/use-form-draft';
import { KeepUnfinished } from './keep-unfinished';

type Membership = { organizationId: string; organizationName: string };
/** An unfinished form its author kept on the server (./keep-unfinished.tsx), opened to continue it. */
export type ResumedForm = { id: string; organizationId: string; form: IncidentDraft; updatedAt: Date };
type Props = { terms: Term[]; regions: string[] } & (
  /** `template`: "Duplicate this incident", the next event of a series; `resume`: an unfinished form continued. */
  | { mode: 'create'; memberships: Membership[]; template?: IncidentDetail; resume?: ResumedForm }
  | { mode: 'edit'; incident: IncidentDetail }
);

/** The server names fields from its input's root ("incident.date.start"); the form from the incident's. */
function fromServerPaths(errors: Record<string, string>): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path.replace(/^incident\./, ''), message]));
}

/**
 * One form for a new incident and for an edit. It builds exactly `incidentInput`, checks it with
 * the same schema as the server, and shows the server's field messages beside their fields. An edit
 * names the version it started from; if someone saved since, nothing is overwritten.
 */
export function IncidentForm(props: Props) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const focusLater = useFocusAfterRender();

  // The form's opening state, kept to tell typed changes from none (row keys included).
  const resume = props.mode === 'create' ? props.resume : undefined;
  const [opened] = useState(() => ({
    draft: props.mode === 'edit' ? draftFromIncident(props.incident, locale) : resume ? rekeyDraft(resume.form) : props.template ? duplicateDraft(props.template, locale) : emptyDraft(),
    version: props.mode === 'edit' ? props.incident.version : 0,
    organizationId: props.mode === 'edit' ? props.incident.organizationId : (resume?.organizationId ?? props.template?.organizationId ?? props.memberships[0]?.organizationId ?? ''),
    /** The unfinished form on the server that saving this one erases (and keeping again replaces). */
    unfinishedId: resume?.id ?? null,
  }));
  const [draft, setDraft] = useState<IncidentDraft>(opened.draft);
  const [version, setVersion] = useState(opened.version);
  const [organizationId, setOrganizationId] = useState(opened.organizationId);
  const [unfinishedId, setUnfinishedId] = useState(opened.unfinishedId);
  const local = useFormDraft({
    formKey: props.mode === 'edit' ? `incident:${props.incident.id}` : resume ? `incident:unfinished:${resume.id}` : props.template ? `incident:new-from:${props.template.id}` : 'incident:new',
    value: { draft, version, organizationId, unfinishedId },
    pristine: opened,
    // A restored edit keeps the version it started from: if someone saved since, saving says so.
    onRestore: useCallback((kept: typeof opened) => {
      setDraft(rekeyDraft(kept.draft));
      setVersion(kept.version);
      setOrganizationId(kept.organizationId);
      setUnfinishedId(kept.unfinishedId ?? null);
    }, []),
  });
  const choices = useRememberedChoices({
    accountId: local.accountId,
    apply: props.mode === 'create' && !props.template && !resume,
    // The organization and country of the last incident, unless the monitor has started typing.
    onRemembered: (remembered) => {
      if (local.dirty || props.mode !== 'create') return;
      const organization = props.memberships.some((m) => m.organizationId === remembered.organizationId) ? remembered.organizationId! : organizationId;
      const next = { draft: { ...draft, location: { ...draft.location, country: remembered.country ?? draft.location.country } }, version, organizationId: organization, unfinishedId };
      setDraft(next.draft);
      setOrganizationId(organization);
      local.rebase(next);
    },
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [reloadFailed, setReloadFailed] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);

  const create = useMutation(trpc.incident.create.mutationOptions());
  const update = useMutation(trpc.incident.update.mutationOptions());
  const [checking, setChecking] = useState(false);
  const saving = create.isPending || update.isPending || leaving || checking;
  const duplicates = useDuplicateCheck(organizationId, props.mode === 'edit' ? props.incident.id : null);

  const set = <K extends keyof IncidentDraft>(key: K) => (value: IncidentDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  // The title, the summary and a new source's title and publisher may mention the incident's victims (common/mentions.ts).
  const mentionChoices = draft.victims.flatMap((v): { target: 'person' | 'organization'; id: string; label: string }[] =>
    v.kind === 'person' && v.person ? [{ target: 'person', ...v.person }] : v.kind === 'organization' && v.organization ? [{ target: 'organization', ...v.organization }] : [],
  );

  function showProblems(fieldErrors: FieldErrors, message: string | null) {
    unfoldSections();
    setErrors(fieldErrors);
    setFormError(message);
    focusLater('error-summary');
  }

  function onError(error: TRPCClientErrorLike<AppRouter>) {
    if (error.data?.code === 'CONFLICT') {
      setErrors({});
      setFormError(null);
      setConflict(sayError(t, error.data, error.message));
      focusLater('conflict-message');
      return;
    }
    const fieldErrors = fromServerPaths(sayFieldErrors(t, error.data));
    const hasFields = Object.keys(fieldErrors).length > 0;
    // No `data` means the request never got an answer (offline, server down).
    showProblems(fieldErrors, hasFields ? null : error.data ? sayError(t, error.data, error.message) : t('error.body'));
  }

  function onSaved(id: string) {
    setLeaving(true);
    local.markSaved();
    choices.remember(organizationId, draft);
    queryClient.removeQueries(trpc.incident.get.queryFilter({ id }));
    router.push(`/incidents/${id}`);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setNotice(null);
    const { values, problems } = toIncidentInput(draft);
    const parsed = incidentInput.safeParse(values);
    const found: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error, t);
    for (const [path, key] of Object.entries(problems)) found[path] = t(key);
    if (Object.keys(found).length > 0) return showProblems(found, null);

    setErrors({});
    setFormError(null);
    setChecking(true);
    const goOn = await duplicates.allows(values).finally(() => setChecking(false));
    if (!goOn) return;
    if (props.mode === 'create') {
      create.mutate({ organizationId, incident: values, unfinishedFormId: unfinishedId }, { onSuccess: ({ id }) => onSaved(id), onError });
    } else {
      update.mutate({ id: props.incident.id, version, incident: values }, { onSuccess: ({ id }) => onSaved(id), onError });
    }
  }

  /** Replaces the monitor's input with the latest saved version: only when they ask for it. */
  async function reloadLatest() {
    if (props.mode !== 'edit') return;
    setReloading(true);
    setReloadFailed(false);
    try {
      const latest = await queryClient.fetchQuery({ ...trpc.incident.get.queryOptions({ id: props.incident.id }), staleTime: 0 });
      setDraft(draftFromIncident(latest, locale));
      setVersion(latest.version);
      setConflict(null);
      setErrors({});
      setFormError(null);
      setNotice(t('form.reloaded', { n: latest.version }));
      focusLater('form-notice');
    } catch {
      setReloadFailed(true);
    } finally {
      setReloading(false);
    }
  }

  if (props.mode === 'create' && props.memberships.length === 0) {
    return <p className="rounded-lg border border-slate-300 bg-white p-6">{t('form.noMembership')}</p>;
  }

  const cancelHref = props.mode === 'edit' ? `/incidents/${props.incident.id}` : '/incidents';
  const violationTypes = termOptions(props.terms, 'violation_type', locale);
  const summaries = sectionSummaries(draft, violationTypes, t);
  return (
    <FieldErrorsContext.Provider value={errors}>
      <form onSubmit={(event) => void onSubmit(event)} onKeyDown={submitOnCtrlEnter} noValidate className="space-y-6">
        <DraftOffer offer={local.offer} onRestore={local.restore} onDiscard={local.discard} />
        {conflict ? <ConflictMessage message={conflict} reloading={reloading} reloadFailed={reloadFailed} onReload={reloadLatest} /> : null}
        <ErrorSummary errors={errors} formError={formError} />
        <div role="status">
          {notice ? (
            <p id="form-notice" tabIndex={-1} className="rounded-lg border border-green-700 bg-green-50 p-4 text-green-950">
              {notice}
            </p>
          ) : null}
        </div>
        {props.mode === 'edit' ? <p className="text-sm text-slate-600">{t('form.editingVersion', { n: version })}</p> : null}

        {props.mode === 'create' && props.template ? (
          <p className="rounded-lg border border-blue-300 bg-blue-50 p-4 text-blue-950">{t('form.duplicateNotice', { title: props.template.title })}</p>
        ) : null}
        {resume ? <p className="rounded-lg border border-blue-300 bg-blue-50 p-4 text-blue-950">{t('unfinished.resumed', { at: formatMoment(resume.updatedAt, locale) })}</p> : null}

        {props.mode === 'create' ? (
          <Group legend={t('form.section.organization')} summary={props.memberships.find((m) => m.organizationId === organizationId)?.organizationName ?? ''}>
            {props.memberships.length > 1 ? (
              <SelectField
                path="organizationId"
                label={t('form.organization')}
                value={organizationId}
                options={props.memberships.map((m) => ({ value: m.organizationId, label: m.organizationName }))}
                onChange={(id) => id && setOrganizationId(id)}
              />
            ) : (
              <p>{t('form.organizationFixed', { name: props.memberships[0]?.organizationName ?? '' })}</p>
            )}
          </Group>
        ) : null}

        <Group legend={t('form.section.about')} summary={summaries.about}>
          <TextField path="title" label={t('form.title')} hint={t('form.titleHint')} required value={draft.title} onChange={set('title')} maxLength={500} autoComplete="off" />
          <MentionCompletion fieldId={fieldId('title')} choices={mentionChoices} text={draft.title} onChange={set('title')} />
          <TextField path="summary" label={t('form.summary')} hint={t('form.summaryHint')} multiline value={draft.summary} onChange={set('summary')} />
          <MentionCompletion fieldId={fieldId('summary')} choices={mentionChoices} text={draft.summary} onChange={set('summary')} />
          <MentionPicker choices={mentionChoices} text={draft.summary} onChange={set('summary')} />
        </Group>

        <DateFieldset date={draft.date} onChange={set('date')} summary={summaries.date} />
        {/* The place picker (map and gazetteer) joins this section through LocationFieldset's `placePicker`. */}
        <LocationFieldset location={draft.location} regions={props.regions} onChange={set('location')} summary={summaries.location} />

        <Group legend={t('form.section.violationTypes')} summary={summaries.violationTypes}>
          <TermPicker
            required
            path="violationTypes"
            label={t('form.section.violationTypes')}
            hint={t('form.violationTypesHint')}
            options={violationTypes}
            selected={draft.violationTypes}
            onChange={set('violationTypes')}
          />
        </Group>

        <VictimsFieldset victims={draft.victims} organizationId={organizationId} categories={termOptions(props.terms, 'defender_category', locale)} onChange={set('victims')} summary={summaries.victims} />
        <PerpetratorsFieldset perpetrators={draft.perpetrators} types={termOptions(props.terms, 'perpetrator_type', locale)} onChange={set('perpetrators')} summary={summaries.perpetrators} />
        <LegalProvisionsFieldset provisions={draft.legalProvisions} onChange={set('legalProvisions')} summary={summaries.legalProvisions} />
        <SourcesFieldset sources={draft.sources} organizationId={organizationId} onChange={set('sources')} summary={summaries.sources} usual={choices.usualSources(organizationId)} mentionChoices={mentionChoices} />

        {duplicates.warning}
        <div className="flex flex-wrap items-center gap-4 border-t border-slate-300 pt-6">
          <button type="submit" disabled={saving} className={primaryButtonClass}>
            {saving ? t('form.saving') : t('form.save')}
          </button>
          <Link href={cancelHref} className={secondaryButtonClass}>
            {t('form.cancel')}
          </Link>
          <p className="text-sm text-slate-600">{t('form.shortcutHint')}</p>
          {props.mode === 'create' ? (
            <KeepUnfinished
              unfinishedId={unfinishedId}
              organizationId={organizationId}
              draft={draft}
              onKept={(id) => {
                setUnfinishedId(id);
                // Kept: leaving no longer asks, and this browser's copy is no longer needed.
                local.startOver({ draft, version, organizationId, unfinishedId: id });
              }}
            />
          ) : null}
        </div>
      </form>
    </FieldErrorsContext.Provider>
  );
}
