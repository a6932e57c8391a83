import type { Viewer } from '@/server/policy/viewer';
import type { Translate } from '@/common/i18n';
import { linkClass } from '@/app/ui/styles';

const formats = ['csv', 'xlsx', 'json'] as const;

/**
 * Downloads of the list as filtered, for the organizations where the viewer reviews or administers
 * (the server decides again: these links only mirror its policy). Plain links: the file streams.
 */
export function ExportLinks({ viewer, filters, t }: { viewer: Viewer; filters: Record<string, string | undefined>; t: Translate }) {
  const coordinated = viewer.memberships.filter((m) => m.role === 'admin' || m.role === 'reviewer');
  if (coordinated.length === 0) return null;
  const href = (organizationId: string, format: (typeof formats)[number]) => {
    const query = new URLSearchParams({ organizationId, format });
    for (const [name, value] of Object.entries(filters)) if (value && name !== 'sort') query.set(name, value);
    return `/api/workspace/export?${query.toString()}`;
  };
  return (
    <section aria-labelledby="export-heading" className="mt-6 text-sm">
      <h2 id="export-heading" className="font-semibold">{t('list.export.heading')}</h2>
      <p className="text-slate-700">{t('list.export.intro')}</p>
      <ul className="mt-1 space-y-1">
        {coordinated.map((m) => (
          <li key={m.organizationId}>
            <span>{m.organizationName}: </span>
            {formats.map((format, index) => (
              <span key={format}>
                {index > 0 ? ' · ' : ''}
                <a href={href(m.organizationId, format)} className={linkClass} download>
                  {t(`list.export.${format}`)}
                </a>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
