'use client';

import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useI18n } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc';
import type { sources } from '@/db/schema';
import type { MentionChoice } from '@/common/mention-completion';
import { EditPanel, SelectField, TextField, useRecordSave } from './edit-panel';
import { MentionCompletion } from './mention-completion';
import { MentionedText } from './mentioned-text';

type Source = Pick<typeof sources.$inferSelect, 'id' | 'title' | 'publisher' | 'publishedOn' | 'kind' | 'referenceCode' | 'url' | 'reliability' | 'version'>;

/** Correcting a source: a wrong address or title is rewritten on every public record citing it when saved. */
type Reliability = NonNullable<Source['reliability']>;

/**
 * `grades`: the reliability scale, handed by the page (the schema stays out of the browser bundle).
 * `mentionChoices`: whom "@" offers in the title and publisher (the victims of the incidents citing the source).
 */
export function SourceEditForm({ source, grades, mentionChoices }: { source: Source; grades: readonly Reliability[]; mentionChoices: MentionChoice[] }) {
  const { t } = useI18n();
  const titleId = useId();
  const publisherId = useId();
  const trpc = useTRPC();
  const update = useMutation(trpc.source.update.mutationOptions());
  const state = useRecordSave();
  const [title, setTitle] = useState(source.title);
  const [publisher, setPublisher] = useState(source.publisher ?? '');
  const [publishedOn, setPublishedOn] = useState(source.publishedOn ?? '');
  const [referenceCode, setReferenceCode] = useState(source.referenceCode ?? '');
  const [url, setUrl] = useState(source.url ?? '');
  const [reliability, setReliability] = useState(source.reliability ?? '');

  function submit() {
    void state.save(
      () =>
        update.mutateAsync({
          id: source.id,
          version: source.version,
          fields: { title, publisher, publishedOn, kind: source.kind, referenceCode, url, reliability: (reliability || null) as Source['reliability'] },
        }),
      () => undefined,
    );
  }

  return (
    <EditPanel heading={t('directoryEdit.editSource')} saving={state.saving} problem={state.problem} conflict={state.conflict} onSubmit={submit} onReload={state.reload}>
      <TextField id={titleId} label={t('form.sourceTitle')} value={title} onChange={setTitle} error={state.errors.title} required />
      <MentionCompletion fieldId={titleId} choices={mentionChoices} text={title} onChange={setTitle} />
      {title.includes('@[') ? (
        <p className="text-sm text-slate-700">
          {t('mentions.preview')} <MentionedText text={title} choices={mentionChoices} t={t} />
        </p>
      ) : null}
      <TextField id={publisherId} label={t('form.publisher')} value={publisher} onChange={setPublisher} error={state.errors.publisher} />
      <MentionCompletion fieldId={publisherId} choices={mentionChoices} text={publisher} onChange={setPublisher} />
      <TextField label={t('form.publishedOn')} hint={t('form.publishedOnHint')} value={publishedOn} onChange={setPublishedOn} error={state.errors.publishedOn} />
      <TextField label={t('form.referenceCode')} hint={t('form.referenceCodeHint')} value={referenceCode} onChange={setReferenceCode} error={state.errors.referenceCode} />
      <TextField label={t('form.url')} value={url} onChange={setUrl} error={state.errors.url} />
      <SelectField
        label={t('form.reliability')}
        value={reliability}
        onChange={setReliability}
        options={[{ value: '', label: t('reliability.none') }, ...grades.map((value) => ({ value, label: t(`reliability.${value}`) }))]}
        error={state.errors.reliability}
      />
    </EditPanel>
  );
}
