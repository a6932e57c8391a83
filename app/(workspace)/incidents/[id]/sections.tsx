import Link from 'next/link';
import type { ReactNode } from 'react';
import { linkClass } from '@/app/ui/styles';
import type { IncidentSnapshot } from '@/server/services/incidents/snapshot';
import type { Translate } from '@/common/i18n';

type Labeller = (code: string) => string;

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

function None({ t }: { t: Translate }) {
  return <p className="text-slate-600">{t('incident.none')}</p>;
}

/** `linkPersons`: each person links to their page (not for readers from another organization, who cannot open it). */
export function VictimList({
  victims,
  categoryLabel,
  t,
  linkPersons = false,
}: {
  victims: IncidentSnapshot['victims'];
  categoryLabel: Labeller;
  t: Translate;
  linkPersons?: boolean;
}) {
  if (victims.length === 0) return <None t={t} />;
  return (
    <ul className="space-y-3">
      {victims.map((victim, index) => (
        <li key={index} className="border-l-4 border-slate-300 pl-3">
          {victim.kind === 'person' ? (
            <>
              <span className="text-sm text-slate-600">{t('incident.person')}: </span>
              {linkPersons && victim.id ? (
                <Link href={`/persons/${victim.id}`} className={`${linkClass} font-medium`}>
                  {victim.name}
                </Link>
              ) : (
                <span className="font-medium">{victim.name}</span>
              )}
              {victim.confidential ? (
                <>
                  {' '}
                  <span className="rounded border border-amber-600 bg-amber-50 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-amber-900">
                    {t('incident.confidential')}
                  </span>
                  <span className="block text-sm text-slate-600">{t('incident.confidentialNote')}</span>
                </>
              ) : null}
            </>
          ) : victim.kind === 'organization' ? (
            <>
              <span className="text-sm text-slate-600">{t('incident.organization')}: </span>
              {linkPersons && victim.id ? (
                <Link href={`/organizations/${victim.id}`} className={`${linkClass} font-medium`}>
                  {victim.name}
                </Link>
              ) : (
                <span className="font-medium">{victim.name}</span>
              )}
            </>
          ) : (
            <>
              <span className="text-sm text-slate-600">{t('incident.group')}: </span>
              <span className="font-medium">{victim.name}</span>
              <span className="block text-sm text-slate-700">
                {[
                  victim.count != null ? t('incident.people', { n: victim.count }) : null,
                  victim.killed ? t('incident.killed', { n: victim.killed }) : null,
                  victim.injured ? t('incident.injured', { n: victim.injured }) : null,
                  victim.categories.length ? victim.categories.map(categoryLabel).join(', ') : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function PerpetratorList({ perpetrators, typeLabel, t }: { perpetrators: IncidentSnapshot['perpetrators']; typeLabel: Labeller; t: Translate }) {
  if (perpetrators.length === 0) return <None t={t} />;
  return (
    <ul className="list-disc space-y-1 pl-5">
      {perpetrators.map((perpetrator, index) => (
        <li key={index}>
          <span className="font-medium">{typeLabel(perpetrator.typeCode)}</span>
          {perpetrator.name ? `: ${perpetrator.name}` : null}
        </li>
      ))}
    </ul>
  );
}

export function LegalProvisionList({ provisions, t }: { provisions: IncidentSnapshot['legalProvisions']; t: Translate }) {
  if (provisions.length === 0) return <None t={t} />;
  return (
    <ul className="list-disc space-y-1 pl-5">
      {provisions.map((provision, index) => (
        <li key={index}>
          {[provision.code, t('incident.article', { article: provision.article })].filter(Boolean).join(', ')}
          {provision.title ? ` “${provision.title}”` : null}
        </li>
      ))}
    </ul>
  );
}

type SourceDetail = { id: string; publisher: string | null; url: string | null; publishedOn: string | null };

/**
 * `linkSources`: each source's title links to its page, where it can be corrected (not for readers
 * from another organization). Beside it, who published it and when, and its web address as a link:
 * what a reader needs to find the source again (an internal reference code tells them nothing).
 */
export function SourceList({ sources, details = [], t, linkSources = false }: { sources: IncidentSnapshot['sources']; details?: SourceDetail[]; t: Translate; linkSources?: boolean }) {
  if (sources.length === 0) return <None t={t} />;
  const detailOf = new Map(details.map((detail) => [detail.id, detail]));
  return (
    <ul className="list-disc space-y-2 pl-5">
      {sources.map((source) => {
        const detail = detailOf.get(source.id);
        const about = [detail?.publisher, detail?.publishedOn].filter(Boolean).join(', ');
        return (
          <li key={source.id}>
            {linkSources ? (
              <Link href={`/sources/${source.id}`} className={linkClass}>
                {source.title}
              </Link>
            ) : (
              source.title
            )}
            {about ? <span className="text-slate-700"> — {about}</span> : null}
            {detail?.url ? (
              <span className="block text-sm">
                <a href={detail.url} className={`${linkClass} break-all`} rel="noopener noreferrer nofollow" target="_blank">
                  {detail.url}
                </a>
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
