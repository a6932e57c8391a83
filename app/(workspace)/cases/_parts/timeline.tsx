import Link from 'next/link';
import type { Locale, Translate } from '@/common/i18n';
import { StatusBadge } from '@/app/ui/status-badge';
import { linkClass } from '@/app/ui/styles';
import type { TimelineIntervention, TimelineItem, TimelineLegalEvent } from '@/server/services/cases/timeline';
import { isoToPartialDate } from '@/common/partial-date';
import type { DatePrecision } from '@/common/values';
import { MentionedText } from '../../_directory/mentioned-text';
import { Attachments } from '../../_evidence/attachments';
import { PartActions, UnlinkIncident } from './item-actions';
import { dayOf, interventionKindLabel, whenOf } from './labels';

type Props = {
  caseId: string;
  organizationId: string;
  items: TimelineItem[];
  canEdit: boolean;
  persons: { id: string; name: string }[];
  today: string;
  locale: Locale;
  t: Translate;
};

const typeTone: Record<TimelineItem['type'], string> = {
  incident: 'border-l-slate-500',
  legalEvent: 'border-l-amber-600',
  intervention: 'border-l-teal-600',
};

function provisionText(p: TimelineLegalEvent['provisions'][number]): string {
  return [p.code, `art. ${p.article}`, p.title ? `“${p.title}”` : null].filter(Boolean).join(' ');
}

function ReplyState({ item, today, locale, t }: { item: TimelineIntervention; today: string; locale: Locale; t: Translate }) {
  if (item.replyReceivedOn) return <p className="text-sm text-green-900">{t('interventions.replyReceived', { date: dayOf(item.replyReceivedOn, locale) })}</p>;
  if (!item.replyDueOn) return null;
  const overdue = item.replyDueOn < today;
  return (
    <p className={`text-sm ${overdue ? 'font-semibold text-red-800' : 'text-slate-700'}`}>
      {t(overdue ? 'interventions.replyOverdue' : 'interventions.replyDue', { date: dayOf(item.replyDueOn, locale) })}
    </p>
  );
}

/** A saved step's kind and date as its correction form holds them: the date written only as precisely as it is known. */
function kindAndDate<K extends string>(item: { kind: K; date: string | null; datePrecision: DatePrecision }) {
  return { kind: item.kind, datePrecision: item.datePrecision, date: item.date ? isoToPartialDate(item.date, item.datePrecision) : '' };
}

/** What the monitor wrote about a step, with the persons it mentions named. */
function WrittenSummary({ text, persons, t }: { text: string | null; persons: Props['persons']; t: Translate }) {
  return text ? (
    <p className="mt-1 whitespace-pre-wrap">
      <MentionedText text={text} persons={persons} t={t} />
    </p>
  ) : null;
}

/**
 * The case's timeline: incidents, legal events and interventions in the order the server gives
 * (date order, undated last), each date written only as precisely as it is known.
 */
export function CaseTimeline({ caseId, organizationId, items, canEdit, persons, today, locale, t }: Props) {
  if (items.length === 0) return <p className="text-slate-700">{t('cases.timeline.empty')}</p>;
  return (
    <ol className="space-y-3" aria-label={t('cases.timeline.heading')}>
      {items.map((item) => {
        const when = whenOf(item, locale, t);
        return (
          <li key={`${item.type}-${item.id}`} className={`rounded-lg border border-l-4 border-slate-300 bg-white p-4 ${typeTone[item.type]}`} data-timeline-type={item.type}>
            <p className="text-sm">
              {item.date ? (
                <time dateTime={isoToPartialDate(item.date, item.datePrecision)} className="font-semibold">
                  {when}
                </time>
              ) : (
                <span className="font-semibold">{when}</span>
              )}
              <span className="text-slate-600"> · {t(`cases.timeline.${item.type}`)}</span>
            </p>
            {item.type === 'incident' ? (
              <>
                <p className="mt-1 flex flex-wrap items-center gap-2">
                  <Link href={`/incidents/${item.id}`} className={linkClass}>
                    {item.title}
                  </Link>
                  <StatusBadge status={item.status} t={t} />
                  {item.sharedBy ? <span className="text-sm text-slate-600">{t('cases.timeline.sharedBy', { name: item.sharedBy })}</span> : null}
                </p>
                {canEdit ? <UnlinkIncident caseId={caseId} incidentId={item.id} title={item.title} /> : null}
              </>
            ) : null}
            {item.type === 'legalEvent' ? (
              <>
                <p className="mt-1 font-medium">
                  {t(`cases.legal.kind.${item.kind}`)}
                  {item.personName ? ` – ${item.personName}` : ''}
                  {item.outcome ? (
                    <>
                      {' ('}
                      <MentionedText text={item.outcome} persons={persons} t={t} />
                      {')'}
                    </>
                  ) : null}
                </p>
                {item.court ? (
                  <p className="text-sm text-slate-700">
                    <MentionedText text={item.court} persons={persons} t={t} />
                  </p>
                ) : null}
                {item.provisions.length ? <p className="text-sm text-slate-700">{item.provisions.map(provisionText).join('; ')}</p> : null}
                <WrittenSummary text={item.summary} persons={persons} t={t} />
                <div className="mt-2">
                  <Attachments target={{ subjectKind: 'legal_event', subjectId: String(item.id) }} headingId={`legal-event-${item.id}-evidence`} />
                </div>
                {canEdit ? (
                  <PartActions
                    kind="legalEvent"
                    caseId={caseId}
                    id={item.id}
                    version={item.version}
                    label={`${t(`cases.legal.kind.${item.kind}`)}, ${when}`}
                    persons={persons}
                    values={{
                      ...kindAndDate(item),
                      personId: item.personId ?? '',
                      court: item.court ?? '',
                      summary: item.summary ?? '',
                      outcome: item.outcome ?? '',
                      provisions: item.provisions.map((p) => ({ code: p.code ?? '', article: p.article, title: p.title ?? '' })),
                    }}
                  />
                ) : null}
              </>
            ) : null}
            {item.type === 'intervention' ? (
              <>
                <p className="mt-1 font-medium">
                  {interventionKindLabel(item.kind, t)}
                  {item.by ? (
                    <>
                      {' – '}
                      <MentionedText text={item.by} persons={persons} t={t} />
                    </>
                  ) : null}
                  {item.referenceCode ? <span className="ml-2 rounded border border-slate-300 px-1.5 font-mono text-sm">{item.referenceCode}</span> : null}
                </p>
                <WrittenSummary text={item.summary} persons={persons} t={t} />
                {item.sourceTitle ? <p className="text-sm text-slate-700">{t('interventions.sourceIs', { title: item.sourceTitle })}</p> : null}
                <ReplyState item={item} today={today} locale={locale} t={t} />
                {canEdit ? (
                  <PartActions
                    kind="intervention"
                    caseId={caseId}
                    organizationId={organizationId}
                    persons={persons}
                    id={item.id}
                    version={item.version}
                    label={`${interventionKindLabel(item.kind, t)}, ${when}`}
                    values={{
                      ...kindAndDate(item),
                      by: item.by ?? '',
                      referenceCode: item.referenceCode ?? '',
                      summary: item.summary ?? '',
                      source: item.sourceId ? { id: item.sourceId, title: item.sourceTitle ?? '' } : null,
                      replyDueOn: item.replyDueOn ?? '',
                      replyReceivedOn: item.replyReceivedOn ?? '',
                    }}
                  />
                ) : null}
              </>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
