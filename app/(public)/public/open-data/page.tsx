import type { Metadata } from 'next';
import Link from 'next/link';
import { isoDay, type MessageKey } from '@/common/i18n';
import { getI18n } from '@/app/i18n/server';
import { csvColumns } from '@/server/public/export-csv-slots';
import { openDataLicence } from '@/server/public/licence';
import { siteOrigin } from '../../_ui/site-origin';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('openData.heading') };
}

/** What each address of the open-data API and each export holds, in the reader's language. */
const addresses: { path: string; about: MessageKey }[] = [
  { path: '/export.csv', about: 'openData.exportCsv' },
  { path: '/export.json', about: 'openData.exportJson' },
  { path: '/stats.csv?groupBy=year', about: 'openData.statsCsv' },
  { path: '/stats?groupBy=violation_type', about: 'openData.stats' },
  { path: '/incidents', about: 'openData.incidents' },
  { path: '/cases', about: 'openData.cases' },
  { path: '/openapi.json', about: 'openData.openapi' },
];

/** The open-data page: what the API and the exports hold, the licence, how to cite, the API reference. */
export default async function OpenDataPage() {
  const { t } = await getI18n();
  const origin = await siteOrigin();
  const today = isoDay();
  const section = 'space-y-3 rounded-lg border border-slate-300 bg-white p-4';
  const link = 'font-medium text-blue-800 underline hover:text-blue-950';
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-bold">{t('openData.heading')}</h1>
      <p>{t('openData.intro')}</p>

      <section aria-labelledby="od-files" className={section}>
        <h2 id="od-files" className="text-lg font-semibold">{t('openData.files')}</h2>
        <dl className="space-y-3">
          {addresses.map(({ path, about }) => (
            <div key={path}>
              <dt>
                <a href={`/api/public/v1${path}`} className={`${link} font-mono`}>/api/public/v1{path}</a>
              </dt>
              <dd className="text-slate-800">{t(about)}</dd>
            </div>
          ))}
        </dl>
        <p>{t('openData.columns')} <code className="text-sm">{csvColumns.join(', ')}</code></p>
        <p>{t('openData.filters')} <code className="text-sm">from, to, type, region, category, perpetrator, q, lang</code></p>
        <p>{t('openData.limits')}</p>
      </section>

      <section aria-labelledby="od-reference" className={section}>
        <h2 id="od-reference" className="text-lg font-semibold">{t('openData.reference')}</h2>
        <p>
          <Link href="/public/open-data/api" className={link}>{t('openData.reference.link')}</Link>
        </p>
      </section>

      <section aria-labelledby="od-licence" className={section}>
        <h2 id="od-licence" className="text-lg font-semibold">{t('openData.licence')}</h2>
        <p>
          {t('openData.licence.text')}{' '}
          <a href={openDataLicence.url} className={link} rel="license">{openDataLicence.name}</a>
        </p>
      </section>

      <section aria-labelledby="od-cite" className={section}>
        <h2 id="od-cite" className="text-lg font-semibold">{t('openData.cite')}</h2>
        <p>{t('openData.cite.text')}</p>
        <blockquote className="border-l-4 border-slate-400 pl-4 italic" data-testid="citation">
          {t('openData.cite.example', { name: t('app.name'), url: `${origin}/public/incidents`, date: today })}
        </blockquote>
      </section>
    </div>
  );
}
