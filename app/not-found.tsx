import type { Metadata } from 'next';
import { PublicHeader, SkipLink } from './(public)/_ui/public-header';
import { PublicNotFoundMessage } from './(public)/_ui/public-not-found';
import { getI18n } from './i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('meta.notFound') };
}

/** An address that matches no page: the public header (with the language switch) around one <main>. */
export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <>
      <SkipLink t={t} />
      <PublicHeader t={t} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        <PublicNotFoundMessage t={t} />
      </main>
    </>
  );
}
