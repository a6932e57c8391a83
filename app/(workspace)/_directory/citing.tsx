import Link from 'next/link';
import { formatIncidentDate, type Locale, type Translate } from '@/common/i18n';
import { StatusBadge } from '@/app/ui/status-badge';
import { linkClass } from '@/app/ui/styles';
import type { ReviewStatus } from '@/db/schema';

type Row = { id: string; title: string; status: ReviewStatus; startDate?: string };

/** The incidents or cases that cite a documented organization or a source, with their review state. */
export function CitingList({ rows, href, empty, locale, t }: { rows: Row[]; href: (id: string) => string; empty: string; locale: Locale; t: Translate }) {
  if (rows.length === 0) return <p className="text-slate-600">{empty}</p>;
  return (
    <ul className="space-y-2">
      {rows.map((row) => (
        <li key={row.id} className="flex flex-wrap items-center gap-2">
          {row.startDate ? <span className="whitespace-nowrap text-sm text-slate-600">{formatIncidentDate(row.startDate, 'day', locale)}</span> : null}
          <Link href={href(row.id)} className={linkClass}>
            {row.title}
          </Link>
          <StatusBadge status={row.status} t={t} />
        </li>
      ))}
    </ul>
  );
}
