import Link from 'next/link';
import { formatMoment, type Locale, type Translate } from '@/common/i18n';
import type { AuditEntryView } from '@/server/services/audit/browse';
import { attachedToOf, detailReferences, type ReferenceKind, type References } from '@/server/services/audit/names';
import { actionLabel, detailLabel, detailValue, kindValue, orderedDetails } from './describe';
import { ReferenceName } from './reference';
import { auditHref, type AuditFilterName } from './params';
import { DataTable } from '@/app/ui/data-table';

type Props = {
  entries: AuditEntryView[];
  caption: string;
  showOrganization: boolean;
  filters: Partial<Record<AuditFilterName, string>>;
  references: References;
  locale: Locale;
  t: Translate;
};

const namedSubjects = new Set<string>(['incident', 'case', 'person', 'source', 'documented_organization', 'organization', 'invitation', 'evidence_file']);

function Subject({ entry, filters, references, locale, t }: { entry: AuditEntryView; filters: Props['filters']; references: References; locale: Locale; t: Translate }) {
  const subject = entry.subject;
  if (!subject) return null;
  const what =
    subject.type === 'user' ? (
      <>
        {subject.name ?? subject.id}
        {subject.email ? (
          <>
            <br />
            <span className="text-sm text-slate-700">{subject.email}</span>
          </>
        ) : null}
      </>
    ) : namedSubjects.has(subject.type) ? (
      <ReferenceName kind={subject.type as ReferenceKind} id={subject.id} references={references} t={t} locale={locale} />
    ) : (
      t('audit.subject.other', { type: subject.type, id: subject.id })
    );
  return (
    <>
      <span>{what}</span>
      {filters.subject === subject.id ? null : (
        <>
          <br />
          <Link href={auditHref({ ...filters, subject: subject.id })} className="text-sm text-blue-800 underline hover:text-blue-950">
            {t('audit.subject.onlyThis')}
          </Link>
        </>
      )}
    </>
  );
}

/** One page of the log. The time is the row's header, so each cell is read with when it happened. */
export function AuditTable({ entries, caption, showOrganization, filters, references, locale, t }: Props) {
  return (
    <DataTable caption={caption} columns={[t('audit.col.when'), t('audit.col.action'), t('audit.col.actor'), t('audit.col.subject'), showOrganization ? t('audit.col.organization') : null, t('audit.col.details')]} cards={false}>
      {entries.map((entry) => {
        const details = orderedDetails(entry.details);
        return (
          <tr key={entry.id} className="align-top">
            <th scope="row" className="whitespace-nowrap px-3 py-3 text-left text-sm font-normal">
              <time dateTime={entry.at}>{formatMoment(new Date(entry.at), locale)}</time>
            </th>
            <td className="px-3 py-3 font-medium">{actionLabel(entry.action, t)}</td>
            <td className="px-3 py-3">
              {entry.actor ? (
                <>
                  {entry.actor.name}
                  <br />
                  <span className="text-sm text-slate-700">{entry.actor.email}</span>
                </>
              ) : (
                <span className="text-slate-600">{t('audit.noActor')}</span>
              )}
            </td>
            <td className="px-3 py-3">
              <Subject entry={entry} filters={filters} references={references} locale={locale} t={t} />
            </td>
            {showOrganization ? <td className="px-3 py-3 text-sm">{entry.organization?.name ?? ''}</td> : null}
            <td className="min-w-64 px-3 py-3 text-sm">
              {details.length > 0 ? (
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                  {details.map(([name, value]) => (
                    <div key={name} className="contents">
                      <dt className="text-slate-600">{detailLabel(name, t)}</dt>
                      <dd className="[overflow-wrap:anywhere]">
                        {detailReferences[name] && (typeof value === 'string' || typeof value === 'number') ? (
                          <ReferenceName kind={detailReferences[name]} id={String(value)} references={references} t={t} locale={locale} />
                        ) : attachedToOf(value) ? (
                          <ReferenceName kind={attachedToOf(value)!.kind} id={attachedToOf(value)!.id} references={references} t={t} locale={locale} />
                        ) : name === 'kind' ? (
                          kindValue(entry.action, value, t)
                        ) : (
                          detailValue(name, value, t, locale)
                        )}
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
