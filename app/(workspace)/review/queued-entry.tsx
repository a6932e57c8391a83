import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatMoment, type Locale, type Translate } from '@/common/i18n';
import { linkClass } from '@/app/ui/styles';
import { PublicPreview } from './public-preview';

/** What the queue shows of a submitted incident or case, whichever it is. */
export type QueuedRecord = {
  id: string;
  title: string;
  authorName: string | null;
  submittedAt: Date | string | null;
  version: number;
  publishedVersion?: number | null;
  comparedWith: number | null;
  /** Whether the version compared with is the one a reviewer returned for changes. */
  returned: boolean;
  changeCount: number;
};

/** One entry of the review queue: who wrote it, since when it waits, what changed; deciding happens on its page. */
export function QueuedEntry(props: {
  entry: QueuedRecord;
  kind: 'incident' | 'case';
  href: string;
  organizationName: string | null;
  /** The field-by-field table of the changes (incidents and cases describe their fields differently). */
  changes: ReactNode;
  locale: Locale;
  t: Translate;
}) {
  const { entry, kind, href, organizationName, changes, locale, t } = props;
  const headingId = `queued-${entry.id}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
      <h3 id={headingId} className="text-xl font-semibold">
        <Link href={href} className={linkClass}>
          {entry.title}
        </Link>
      </h3>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">{t('review.queueAuthor')}</dt>
        <dd>{entry.authorName || t('incident.unknownUser')}</dd>
        <dt className="font-medium text-slate-700">{t('review.queueSubmittedAt')}</dt>
        <dd>
          {entry.submittedAt ? (
            <time dateTime={new Date(entry.submittedAt).toISOString()}>{formatMoment(new Date(entry.submittedAt), locale)}</time>
          ) : (
            t('review.queueUnknownTime')
          )}
        </dd>
        <dt className="font-medium text-slate-700">{t('incident.version')}</dt>
        <dd>{entry.version}</dd>
        {entry.publishedVersion != null ? (
          <>
            <dt className="font-medium text-slate-700">{t('review.queuePublicVersion')}</dt>
            <dd>{entry.publishedVersion}</dd>
          </>
        ) : null}
        {organizationName ? (
          <>
            <dt className="font-medium text-slate-700">{t('review.queueOrganization')}</dt>
            <dd>{organizationName}</dd>
          </>
        ) : null}
      </dl>
      <h4 className="mt-4 font-semibold">
        {entry.comparedWith == null
          ? t('review.comparedWithNothing')
          : t(entry.returned ? 'review.comparedWithReturned' : 'review.comparedWith', { n: entry.comparedWith })}
      </h4>
      {entry.changeCount === 0 ? <p className="mt-2 text-slate-600">{t('review.noChanges')}</p> : <div className="mt-2">{changes}</div>}
      <PublicPreview kind={kind} id={entry.id} />
      <p className="mt-4">
        <Link href={href} aria-label={t('review.openToDecideNamed', { title: entry.title })} className={linkClass}>
          {t('review.openToDecide')}
        </Link>
      </p>
    </section>
  );
}
