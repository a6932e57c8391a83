import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoment, isoDay } from '@/common/i18n';
import { getI18n } from '@/app/i18n/server';
import { StatusBadge } from '@/app/ui/status-badge';
import { CommentThread } from '../../_comments/comment-thread';
import { Attachments } from '../../_evidence/attachments';
import { fieldsetClass, linkClass, primaryButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import { DeleteCase } from '../_parts/delete-case';
import { InterventionForm } from '../_parts/intervention-form';
import { LegalEventForm } from '../_parts/legal-event-form';
import { LinkIncidents } from '../_parts/link-incidents';
import { ReviewPanel } from '../../review/review-panel';
import { CaseTimeline } from '../_parts/timeline';
import { loadCase, loadCaseComments, loadCaseTimeline } from './load';
import { MentionedText } from '../../_directory/mentioned-text';
import { BackLink } from '@/app/ui/back-link';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('cases.meta.case') };
}

export default async function CasePage({ params }: Props) {
  const { id } = await params;
  const [record, timeline, comments, { locale, t }] = await Promise.all([loadCase(id), loadCaseTimeline(id), loadCaseComments(id), getI18n()]);
  const persons = record.persons.map((p) => ({ id: p.id, name: p.name }));
  const today = isoDay();

  return (
    <article className="space-y-6">
      <header>
        <BackLink href="/cases">{t('cases.page.back')}</BackLink>
        <h1 className="mt-3 text-3xl font-semibold">
          <MentionedText text={record.title} persons={persons} t={t} />
        </h1>
        <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <span className="rounded-full border border-slate-400 px-2.5 py-0.5 font-medium text-slate-800">{t(`cases.status.${record.status}`)}</span>
          <StatusBadge status={record.reviewStatus} t={t} />
          <span>
            {t('cases.page.version', { n: record.version })} · {record.ref} · {record.organizationName}
          </span>
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          {record.canEdit ? (
            <Link href={`/cases/${record.id}/edit`} className={primaryButtonClass}>
              {t('cases.page.edit')}
            </Link>
          ) : null}
          <Link href={`/cases/${record.id}/history`} className={secondaryButtonClass}>
            {t('cases.page.history')}
          </Link>
        </div>
        {record.canDelete ? (
          <div className="mt-4">
            <DeleteCase caseId={record.id} version={record.version} title={record.title} />
          </div>
        ) : null}
      </header>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="case-about" className={fieldsetClass}>
          <h2 id="case-about" className="text-lg font-semibold">
            {t('cases.page.about')}
          </h2>
          {record.summary ? (
            <p className="mt-2 whitespace-pre-wrap">
              <MentionedText text={record.summary} persons={persons} t={t} />
            </p>
          ) : <p className="mt-2 text-slate-600">{t('cases.page.noSummary')}</p>}
          <h3 className="mt-4 font-medium text-slate-700">{t('cases.page.persons')}</h3>
          {record.persons.length === 0 ? (
            <p className="mt-1 text-slate-600">{t('cases.page.noPersons')}</p>
          ) : (
            <ul className="mt-1 list-disc pl-5">
              {record.persons.map((person) => (
                <li key={person.id}>
                  <Link href={`/persons/${person.id}`} className={linkClass}>
                    {person.name}
                  </Link>
                  {person.role ? ` – ${person.role}` : ''}
                  {person.confidential ? <span className="ml-1 text-sm text-slate-600">({t('cases.page.confidential')})</span> : null}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-4 text-sm text-slate-600">
            {t('cases.page.changed', { name: record.updatedBy?.name ?? t('incident.unknownUser'), at: formatMoment(record.updatedAt, locale) })}
          </p>
        </section>
        <ReviewPanel
          subject={{ kind: 'case', id: record.id }}
          version={record.version}
          status={record.reviewStatus}
          publishedVersion={record.publishedVersion}
          transitions={record.transitions}
        />
      </div>

      <section aria-labelledby="case-timeline" className="space-y-3">
        <h2 id="case-timeline" className="text-2xl font-semibold">
          {t('cases.timeline.heading')}
        </h2>
        <p className="text-sm text-slate-700">{t('cases.timeline.explain')}</p>
        <CaseTimeline
          caseId={record.id}
          organizationId={record.organizationId}
          items={timeline}
          canEdit={record.canEdit}
          persons={persons}
          today={today}
          locale={locale}
          t={t}
        />
      </section>

      {record.canEdit || record.canLinkIncidents ? (
        <section aria-labelledby="case-add" className="space-y-4">
          <h2 id="case-add" className="text-2xl font-semibold">
            {t('cases.page.addHeading')}
          </h2>
          {/* A monitor adds incidents to a colleague's case too (server/policy/case-link.ts). */}
          {record.canLinkIncidents ? <LinkIncidents caseId={record.id} /> : null}
          {record.canEdit ? (
            <>
              <LegalEventForm caseId={record.id} persons={persons} />
              <InterventionForm caseId={record.id} organizationId={record.organizationId} persons={persons} />
            </>
          ) : null}
        </section>
      ) : null}

      {record.reviews.length ? (
        <section aria-labelledby="case-decisions" className={fieldsetClass}>
          <h2 id="case-decisions" className="text-lg font-semibold">
            {t('review.decisions')}
          </h2>
          <ul className="mt-2 space-y-2">
            {record.reviews.map((review) => (
              <li key={review.id}>
                <span className="font-medium">{t(`review.decision.${review.decision}`)}</span>{' '}
                <span className="text-sm text-slate-600">{t('cases.page.changed', { name: review.decidedBy, at: formatMoment(review.decidedAt, locale) })}</span>
                {review.comment ? <p className="whitespace-pre-wrap text-slate-800">{review.comment}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Attachments target={{ subjectKind: 'case', subjectId: record.id }} headingId="case-evidence-heading" />
      <CommentThread caseId={record.id} comments={comments} />
    </article>
  );
}
