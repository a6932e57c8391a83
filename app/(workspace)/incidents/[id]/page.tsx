import type { Metadata } from 'next';
import Link from 'next/link';
import { formatIncidentDateRange, formatMoment } from '@/common/i18n';
import { placeLine } from '@/common/regions';
import { getI18n } from '@/app/i18n/server';
import { StatusBadge } from '@/app/ui/status-badge';
import { primaryButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import { termLabeller } from '@/app/ui/vocabulary';
import { requireViewer } from '../../session';
import { IncidentCases } from '../../cases/_parts/incident-cases';
import { CommentThread } from '../../_comments/comment-thread';
import { Attachments } from '../../_evidence/attachments';
import { DeleteIncident } from './delete-incident';
import { loadIncident } from './load';
import { ReviewPanel } from '../../review/review-panel';
import { MentionedText } from '../../_directory/mentioned-text';
import { LegalProvisionList, PerpetratorList, Section, SourceList, VictimList } from './sections';
import { SharingPanel } from './sharing';
import { SimilarElsewhere } from './similar';
import { BackLink } from '@/app/ui/back-link';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('meta.incident') };
}

export default async function IncidentPage({ params }: Props) {
  const { id } = await params;
  const [incident, { caller }, { locale, t }] = await Promise.all([loadIncident(id), requireViewer(), getI18n()]);
  // A reader from an organization the incident is shared with sees the record only: no discussion, review or sharing.
  const owned = !incident.sharedReadOnly;
  const [terms, comments, shares, targets, similar] = await Promise.all([
    caller.vocabulary.all(),
    owned ? caller.comment.list({ incidentId: id }) : [],
    owned ? caller.incident.shares({ id }) : [],
    incident.canShare ? caller.incident.shareTargets({ id }) : [],
    owned ? caller.incident.similar({ id }) : [],
  ]);
  const label = (kind: Parameters<typeof termLabeller>[1]) => termLabeller(terms, kind, locale);
  const violationLabel = label('violation_type');
  const { lat, lon } = incident.location;
  const person = (who: { name: string } | null) => who?.name || t('incident.unknownUser');

  return (
    <article className="space-y-6">
      <header>
        <BackLink href="/incidents">{t('incident.backToList')}</BackLink>
        <h1 className="mt-3 text-3xl font-semibold">
          <MentionedText text={incident.title} victims={incident.victims} t={t} />
        </h1>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <StatusBadge status={incident.status} t={t} />
          <span className="text-sm text-slate-600">
            {t('incident.version')} {incident.version} · {incident.ref}
          </span>
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          {incident.canEdit ? (
            <Link href={`/incidents/${incident.id}/edit`} className={primaryButtonClass}>
              {t('incident.edit')}
            </Link>
          ) : null}
          {owned ? (
            <Link href={`/incidents/${incident.id}/history`} className={secondaryButtonClass}>
              {t('incident.history')}
            </Link>
          ) : null}
          {owned ? (
            <Link href={`/incidents/new?from=${incident.id}`} className={secondaryButtonClass}>
              {t('form.duplicate')}
            </Link>
          ) : null}
        </div>
        {incident.canDelete ? (
          <div className="mt-4">
            <DeleteIncident incidentId={incident.id} version={incident.version} title={incident.title} />
          </div>
        ) : null}
      </header>

      {owned ? (
        <ReviewPanel
          subject={{ kind: 'incident', id: incident.id }}
          version={incident.version}
          status={incident.status}
          publishedVersion={incident.publishedVersion}
          transitions={incident.transitions}
        />
      ) : (
        <p className="rounded-lg border border-blue-300 bg-blue-50 p-4 text-blue-950">{t('sharing.readOnlyNotice')}</p>
      )}
      <SimilarElsewhere similar={similar} violationLabel={violationLabel} locale={locale} t={t} />

      <Section title={t('incident.details')}>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">{t('incident.date')}</dt>
          <dd>{formatIncidentDateRange(incident.date.start, incident.date.end, incident.date.precision, locale)}</dd>
          <dt className="font-medium text-slate-700">{t('incident.place')}</dt>
          <dd>
            {placeLine(incident.location, locale)}{' '}
            <span className="text-sm text-slate-600">
              ({t('incident.locationPrecision')}: {t(`locationPrecision.${incident.location.precision}`)})
            </span>
          </dd>
          {lat != null && lon != null ? (
            <>
              <dt className="font-medium text-slate-700">{t('incident.coordinates')}</dt>
              <dd>
                {lat}, {lon}
              </dd>
            </>
          ) : null}
          <dt className="font-medium text-slate-700">{t('incident.violationTypes')}</dt>
          <dd>{incident.violationTypes.map(violationLabel).join(', ') || t('incident.none')}</dd>
        </dl>
        {incident.summary ? (
          <>
            <h3 className="mt-5 font-medium text-slate-700">{t('incident.summary')}</h3>
            <p className="mt-1 whitespace-pre-wrap leading-relaxed">
              <MentionedText text={incident.summary} victims={incident.victims} t={t} />
            </p>
          </>
        ) : null}
      </Section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section title={t('incident.victims')}>
          <VictimList victims={incident.victims} categoryLabel={label('defender_category')} t={t} linkPersons={!incident.sharedReadOnly} />
        </Section>
        <Section title={t('incident.perpetrators')}>
          <PerpetratorList perpetrators={incident.perpetrators} typeLabel={label('perpetrator_type')} t={t} />
        </Section>
        <Section title={t('incident.legalProvisions')}>
          <LegalProvisionList provisions={incident.legalProvisions} t={t} />
        </Section>
        <Section title={t('incident.sources')}>
          <SourceList sources={incident.sources} details={incident.sourceDetails} t={t} linkSources={!incident.sharedReadOnly} />
        </Section>
      </div>

      {/* Files stay with their organization: a shared read-only copy shows only the files its owners shared with the reader's organization. */}
      <Attachments target={{ subjectKind: 'incident', subjectId: incident.id }} headingId="incident-evidence-heading" />

      <Section title={t('incident.record')}>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">{t('incident.created')}</dt>
          <dd>{t('incident.byAt', { name: person(incident.createdBy), at: formatMoment(incident.createdAt, locale) })}</dd>
          <dt className="font-medium text-slate-700">{t('incident.updated')}</dt>
          <dd>{t('incident.byAt', { name: person(incident.updatedBy), at: formatMoment(incident.updatedAt, locale) })}</dd>
          <dt className="font-medium text-slate-700">{t('incident.version')}</dt>
          <dd>{incident.version}</dd>
          <dt className="font-medium text-slate-700">{t('incident.ref')}</dt>
          <dd>{incident.ref}</dd>
        </dl>
      </Section>

      {owned ? <CommentThread incidentId={incident.id} comments={comments} /> : null}
      <IncidentCases incidentId={incident.id} />
      {owned ? <SharingPanel incidentId={incident.id} canShare={incident.canShare} shares={shares} targets={targets} /> : null}
    </article>
  );
}
