import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@/app/i18n/server';
import { linkClass } from '@/app/ui/styles';
import { requireAdmin } from '../require-admin';
import { AuditFilters, type AccountOption } from './filters';
import { AuditTable } from './audit-table';
import { auditHref, parseAuditParams } from './params';

const pageSize = 50;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('admin.meta.audit') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The audit log of the organizations the viewer administers: filters in the URL, newest first, pages by cursor. */
export default async function AdminAuditPage({ searchParams }: { searchParams: SearchParams }) {
  const { caller, administered } = await requireAdmin();
  const { locale, t } = await getI18n();
  const params = parseAuditParams(await searchParams, pageSize);
  // An organization the viewer does not administer is set aside like any other value not understood.
  if (params.input.organizationId && !administered.some((m) => m.organizationId === params.input.organizationId)) {
    params.rejected.org = params.input.organizationId;
    delete params.values.org;
    delete params.input.organizationId;
  }
  const shownOrganizations = params.input.organizationId ? administered.filter((m) => m.organizationId === params.input.organizationId) : administered;

  const [page, rosters] = await Promise.all([
    caller.admin.auditLog(params.input),
    Promise.all(shownOrganizations.map((m) => caller.admin.members({ organizationId: m.organizationId }))),
  ]);
  const accounts = new Map<string, AccountOption>();
  for (const roster of rosters) for (const member of roster.members) accounts.set(member.userId, { id: member.userId, name: member.name, email: member.email });

  const { cursor: _cursor, ...filters } = params.values;
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <h1 className="text-3xl font-semibold">{t('audit.heading')}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t('audit.intro')}</p>

      <div className="mt-6">
        <AuditFilters
          params={params}
          organizations={administered.map((m) => ({ id: m.organizationId, name: m.organizationName }))}
          accounts={[...accounts.values()].sort((a, b) => a.name.localeCompare(b.name))}
          t={t}
        />
      </div>

      <div className="mt-8">
        {page.items.length === 0 ? (
          <p className="rounded-lg border border-slate-300 bg-white p-6 font-medium">{t('audit.empty')}</p>
        ) : (
          <AuditTable
            entries={page.items}
            caption={filtered ? t('audit.captionFiltered') : t('audit.caption')}
            showOrganization={administered.length > 1}
            filters={filters}
            references={page.references}
            locale={locale}
            t={t}
          />
        )}
      </div>

      {page.nextCursor || params.values.cursor ? (
        <nav aria-label={t('audit.pagination')} className="mt-6 flex flex-wrap gap-6">
          {params.values.cursor ? (
            <Link href={auditHref(filters)} className={linkClass}>
              {t('audit.newest')}
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={auditHref({ ...filters, cursor: String(page.nextCursor) })} className={linkClass}>
              {t('audit.older')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
