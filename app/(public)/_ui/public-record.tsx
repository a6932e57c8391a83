import type { ReactNode } from 'react';
import Link from 'next/link';
import { formatMoment, type Locale, type Translate } from '@/common/i18n';
import type { PublicSource } from '@/db/schema/public';
import { SourceCitation } from './source-citation';

/** The parts every published record's page (incident, case) and the open-data pages share, so they look and read alike. */

/** A record's boxes: one frame for the facts, each section and the attachments. */
export const recordSection = 'rounded-lg border border-slate-300 bg-white p-4';

/** The link back to the list a page belongs to, above its heading. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p>
      <Link href={href} className="font-medium text-blue-800 underline">
        {children}
      </Link>
    </p>
  );
}

/** A record's title and, when it has one, its summary with the writer's line breaks. */
export function RecordHeading({ title, summary }: { title: string; summary: string | null }) {
  return (
    <>
      <h1 className="text-2xl font-bold">{title}</h1>
      {summary ? <p className="max-w-3xl whitespace-pre-line text-slate-900">{summary}</p> : null}
    </>
  );
}

/** The top of a record's page: the way back to its list, its title and summary, then its key facts (`dt` and `dd` pairs). */
export function RecordOverview({ back, backLabel, title, summary, children }: { back: string; backLabel: string; title: string; summary: string | null; children: ReactNode }) {
  return (
    <>
      <BackLink href={back}>{backLabel}</BackLink>
      <RecordHeading title={title} summary={summary} />
      <dl className={`${recordSection} grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]`}>{children}</dl>
    </>
  );
}

/** One titled box of a record; `id` names the heading for screen readers. */
export function RecordSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={recordSection}>
      <h2 id={id} className="text-lg font-semibold">
        {heading}
      </h2>
      {children}
    </section>
  );
}

/** The numbered list of the sources a record rests on, each cited the same way. */
export function SourceList({ sources, t }: { sources: PublicSource[]; t: Translate }) {
  return (
    <ol className="mt-2 list-decimal space-y-1 pl-6">
      {sources.map((source, index) => (
        <li key={index}>
          <SourceCitation source={source} referenceLabel={(code) => t('public.incident.reference', { code })} />
        </li>
      ))}
    </ol>
  );
}

/** Who published the record and when, with the link to the same record as JSON from the open-data API. */
export function PublishedBy({ record, t, locale, json }: { record: { publisher: string; publishedAt: string | Date }; t: Translate; locale: Locale; json: { href: string; label: string } }) {
  return (
    <p className="text-sm text-slate-700">
      {t('public.incident.published', { publisher: record.publisher, date: formatMoment(new Date(record.publishedAt), locale) })}{' '}
      <a href={json.href} className="text-blue-800 underline">
        {json.label}
      </a>
    </p>
  );
}
