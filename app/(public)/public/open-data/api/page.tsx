import type { Metadata } from 'next';
import { getI18n } from '@/app/i18n/server';
import { openApiDocument } from '@/server/public/openapi';
import { OpenApiReference } from '../../../_ui/openapi-reference';
import { siteOrigin } from '../../../_ui/site-origin';
import { BackLink } from '../../../_ui/public-record';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('openData.api.heading') };
}

/** The API reference: /openapi.json drawn as a page (the descriptions stay in English, as in the document). */
export default async function ApiReferencePage() {
  const { t } = await getI18n();
  const doc = openApiDocument(await siteOrigin());
  return (
    <div className="space-y-6">
      <BackLink href="/public/open-data">{t('openData.api.back')}</BackLink>
      <h1 className="text-2xl font-bold">{t('openData.api.heading')}</h1>
      <p className="max-w-3xl">{doc.info.description}</p>
      <p className="max-w-3xl text-slate-700">
        {t('openData.api.english')}{' '}
        <a href="/api/public/v1/openapi.json" className="font-medium text-blue-800 underline">
          {t('openData.api.json')}
        </a>
      </p>
      <OpenApiReference doc={doc} t={t} />
    </div>
  );
}
