'use client';

import { reliabilityGrades } from '@/common/values';
import type { MentionChoice } from '@/common/mention-completion';
import { useI18n } from '@/app/i18n/client';
import { dangerLinkButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import { MentionCompletion } from '../../_directory/mention-completion';
import { fieldId } from './errors';
import { FieldMessage } from '@/app/ui/field';
import { Group, SelectField, TextField, useField } from './fields';
import { useRows } from './lists';
import { DirectoryPicker } from './picker';
import { blankSource, type Reliability, type SourceDraft, type SourceKind } from './state';
import type { UsualSource } from '../../_drafts/remembered';

type Props = {
  sources: SourceDraft[];
  organizationId: string;
  onChange: (rows: SourceDraft[]) => void;
  summary?: string;
  /** Sources this monitor cited lately (remembered in this browser): one press cites one again. */
  usual?: UsualSource[];
  /** The incident's people a new source's title or publisher may mention (the ones its title may: its victims). */
  mentionChoices?: MentionChoice[];
};

/** Sources: cite one already in the organization's records, or describe a new one. */
export function SourcesFieldset({ sources, organizationId, onChange, summary, usual = [], mentionChoices = [] }: Props) {
  const { t } = useI18n();
  const { id, error } = useField('sources');
  const rows = useRows(sources, onChange, 'sources', 'kind');
  return (
    <Group id={id} legend={t('form.section.sources')} summary={summary}>
      <FieldMessage id={id} error={error} />
      {sources.length === 0 ? <p className="text-slate-600">{t('form.noSources')}</p> : null}
      {sources.map((row, index) => {
        const at = `sources.${index}`;
        const set = (patch: Partial<SourceDraft['newSource']>) => rows.replace(index, { ...row, newSource: { ...row.newSource, ...patch } });
        const draft = row.newSource;
        return (
          <Group nested key={row.key} legend={t('form.source', { n: index + 1 })}>
            <SelectField<SourceKind>
              path={`${at}.kind`}
              label={t('form.sourceKind')}
              value={row.kind}
              options={(['newSource', 'source'] as const).map((kind) => ({ value: kind, label: t(`form.sourceKind.${kind}`) }))}
              onChange={(kind) => kind && rows.replace(index, { ...row, kind })}
            />
            {row.kind === 'source' ? (
              <DirectoryPicker kind="sources" path={`${at}.sourceId`} organizationId={organizationId} chosen={row.source} onChoose={(source) => rows.replace(index, { ...row, source })} />
            ) : (
              <div className="grid gap-4 sm:grid-cols-2">
                <div className="sm:col-span-2">
                  <TextField
                    path={`${at}.source.title`}
                    label={t('form.sourceTitle')}
                    hint={mentionChoices.length ? t('form.sourceTitleHint') : undefined}
                    required
                    value={draft.title}
                    onChange={(title) => set({ title })}
                    maxLength={1000}
                    autoComplete="off"
                  />
                  <MentionCompletion fieldId={fieldId(`${at}.source.title`)} choices={mentionChoices} text={draft.title} onChange={(title) => set({ title })} />
                </div>
                <div>
                  <TextField path={`${at}.source.publisher`} label={t('form.publisher')} value={draft.publisher} onChange={(publisher) => set({ publisher })} maxLength={500} autoComplete="off" />
                  <MentionCompletion fieldId={fieldId(`${at}.source.publisher`)} choices={mentionChoices} text={draft.publisher} onChange={(publisher) => set({ publisher })} />
                </div>
                <TextField path={`${at}.source.publishedOn`} label={t('form.publishedOn')} hint={t('form.publishedOnHint')} placeholder="YYYY-MM-DD" value={draft.publishedOn} onChange={(publishedOn) => set({ publishedOn })} maxLength={10} />
                <TextField path={`${at}.source.kind`} label={t('form.sourceType')} hint={t('form.sourceTypeHint')} value={draft.kind} onChange={(kind) => set({ kind })} maxLength={100} />
                <TextField path={`${at}.source.referenceCode`} label={t('form.referenceCode')} hint={t('form.referenceCodeHint')} value={draft.referenceCode} onChange={(referenceCode) => set({ referenceCode })} maxLength={200} />
                <TextField path={`${at}.source.url`} label={t('form.url')} type="url" placeholder="https://" value={draft.url} onChange={(url) => set({ url })} maxLength={2000} className="sm:col-span-2" />
                <SelectField<Reliability>
                  path={`${at}.source.reliability`}
                  label={t('form.reliability')}
                  value={draft.reliability}
                  options={[{ value: '', label: t('reliability.none') }, ...reliabilityGrades.map((grade) => ({ value: grade, label: t(`reliability.${grade}`) }))]}
                  onChange={(reliability) => set({ reliability })}
                />
              </div>
            )}
            <button type="button" onClick={() => rows.remove(index)} className={dangerLinkButtonClass}>
              {t('form.removeSource', { n: index + 1 })}
            </button>
          </Group>
        );
      })}
      <div className="flex flex-wrap items-center gap-3">
        <button id={rows.addId} type="button" className={secondaryButtonClass} onClick={() => rows.add(blankSource())}>
          {t('form.addSource')}
        </button>
        {usual
          .filter((source) => !sources.some((row) => row.kind === 'source' && row.source?.id === source.id))
          .map((source) => (
            <button
              key={source.id}
              type="button"
              className={`${secondaryButtonClass} text-sm`}
              aria-label={t('form.citeUsualSource', { title: source.label })}
              onClick={() => onChange([...sources, { ...blankSource(), kind: 'source', source: { id: source.id, label: source.label } }])}
            >
              + {source.label}
            </button>
          ))}
      </div>
    </Group>
  );
}
