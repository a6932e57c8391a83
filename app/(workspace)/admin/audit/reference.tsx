import Link from 'next/link';
import type { Locale, MessageKey, Translate } from '@/common/i18n';
import { formatIncidentDate } from '@/common/i18n';
import { linkClass } from '@/app/ui/styles';
import type { Reference, ReferenceKind, References } from '@/server/services/audit/names';
import { interventionKindLabel } from '../../cases/_parts/labels';

/** Where a named record is read in the workspace; parts of a case are read on their case's page. */
function hrefOf(reference: Reference): string | null {
  switch (reference.kind) {
    case 'incident':
      return `/incidents/${reference.id}`;
    case 'case':
      return `/cases/${reference.id}`;
    case 'person':
      return `/persons/${reference.id}`;
    case 'source':
      return `/sources/${reference.id}`;
    case 'intervention':
    case 'legal_event':
      return reference.caseId ? `/cases/${reference.caseId}` : null;
    default:
      return null;
  }
}

/** "UN communication of 10 February 2017 (case “…”)": a part of a case by what it is, when, and whose. */
function partOf(reference: Reference, t: Translate, locale: Locale): string {
  const kind = reference.detail?.kind ?? '';
  const what = reference.kind === 'intervention' ? interventionKindLabel(kind, t) : t(`cases.legal.kind.${kind}` as MessageKey) || kind;
  const when = reference.detail?.date ? ` ${formatIncidentDate(reference.detail.date, 'day', locale)}` : '';
  return t('audit.ref.partOfCase', { what: `${what}${when}`, title: reference.name });
}

/**
 * A record an audit entry mentions, by name and linked to its page; one of no organization the reader
 * administers (or since deleted) by its kind and a short id, which is all the log can say of it.
 */
export function ReferenceName({ kind, id, references, t, locale }: { kind: ReferenceKind; id: string; references: References; t: Translate; locale: Locale }) {
  const reference = references[`${kind}:${id}`];
  if (!reference) return <>{t('audit.ref.unnamed', { kind: t(`audit.kind.${kind}` as MessageKey), id: id.slice(0, 8) })}</>;
  const name = reference.kind === 'intervention' || reference.kind === 'legal_event' ? partOf(reference, t, locale) : reference.name;
  const href = hrefOf(reference);
  const label = `${t(`audit.kind.${kind}` as MessageKey)}: `;
  return (
    <>
      <span className="text-slate-700">{label}</span>
      {href ? (
        <Link href={href} className={linkClass}>
          {name}
        </Link>
      ) : (
        name
      )}
    </>
  );
}
