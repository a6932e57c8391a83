import type { Metadata } from 'next';
import { getI18n } from './i18n/server';
import { NotFoundMessage } from './ui/not-found-message';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('meta.notFound') };
}

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <NotFoundMessage t={t} />
    </main>
  );
}
