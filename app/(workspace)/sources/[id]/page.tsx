import type { Metadata } from 'next';
import { getI18n } from '@/app/i18n/server';
import { linkClass } from '@/app/ui/styles';
import { reliabilityEnum } from '@/db/schema';
import { EditHistory } from '../../_directory/edit-history';
import { Attachments } from '../../_evidence/attachments';
import { CitingList } from '../../_directory/citing';
import { loadSource } from '../../_directory/load';
import { SourceEditForm } from '../../_directory/source-edit';
import { Section } from '../../incidents/[id]/sections';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('directoryEdit.meta.source') };
}

/** A source (a document or testimony): its details, corrections, and the incidents and cases citing it. */
export default async function SourcePage({ params }: Props) {
  const { id } = await params;
  const [{ source, shown, incidents, cases, edits, canEdit, mentionChoices }, { locale, t }] = await Promise.all([loadSource(id), getI18n()]);
  const none = t('persons.none');
  return (
    <article className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">{t('directoryEdit.sourceKicker')}</p>
        <h1 className="mt-1 text-3xl font-semibold">{shown.title}</h1>
      </header>
      <Section title={t('persons.details')}>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">{t('form.publisher')}</dt>
          <dd>{shown.publisher || none}</dd>
          <dt className="font-medium text-slate-700">{t('form.publishedOn')}</dt>
          <dd>{source.publishedOn || none}</dd>
          <dt className="font-medium text-slate-700">{t('form.referenceCode')}</dt>
          <dd>{shown.referenceCode || none}</dd>
          <dt className="font-medium text-slate-700">{t('form.url')}</dt>
          <dd className="break-all">
            {source.url ? (
              <a href={source.url} className={linkClass} rel="noopener noreferrer nofollow" target="_blank">
                {source.url}
              </a>
            ) : (
              none
            )}
          </dd>
          <dt className="font-medium text-slate-700">{t('form.reliability')}</dt>
          <dd>{source.reliability ? t(`reliability.${source.reliability}`) : t('reliability.none')}</dd>
          <dt className="font-medium text-slate-700">{t('persons.ref')}</dt>
          <dd>
            {source.ref} · {t('persons.version')} {source.version}
          </dd>
        </dl>
      </Section>
      {canEdit ? <SourceEditForm key={source.version} source={source} grades={reliabilityEnum.enumValues} mentionChoices={mentionChoices} /> : null}
      {/* The document itself (a court decision, a UN letter), as evidence files of the source. */}
      <Attachments target={{ subjectKind: 'source', subjectId: source.id }} headingId="source-evidence-heading" />
      <Section title={t('directoryEdit.sourceIncidents')}>
        <CitingList rows={incidents} href={(incidentId) => `/incidents/${incidentId}`} empty={t('directoryEdit.noIncidents')} locale={locale} t={t} />
      </Section>
      <Section title={t('directoryEdit.sourceCases')}>
        <CitingList
          rows={cases.map((c) => ({ id: c.id, title: c.title, status: c.reviewStatus }))}
          href={(caseId) => `/cases/${caseId}`}
          empty={t('directoryEdit.noCases')}
          locale={locale}
          t={t}
        />
      </Section>
      <Section title={t('directoryEdit.history')}>
        <EditHistory edits={edits} locale={locale} t={t} />
      </Section>
    </article>
  );
}
