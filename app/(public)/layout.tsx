import Link from 'next/link';
import type { ReactNode } from 'react';
import { getI18n } from '@/app/i18n/server';
import { LanguageSwitcher } from '@/app/i18n/language-switcher';

/** The public site: no sign-in, nothing but the public read model (server/public). */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = await getI18n();
  const link = 'text-slate-100 underline decoration-slate-500 hover:decoration-white';
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-blue-900"
      >
        {t('app.skipToContent')}
      </a>
      <header className="bg-slate-900 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
          <Link href="/dashboard" className="text-lg font-semibold text-white no-underline">
            {t('app.name')}
          </Link>
          <nav aria-label={t('public.nav.label')}>
            <ul className="flex flex-wrap gap-4">
              <li>
                <Link href="/dashboard" className={link}>
                  {t('public.nav.dashboard')}
                </Link>
              </li>
              <li>
                <Link href="/public/incidents" className={link}>
                  {t('public.nav.incidents')}
                </Link>
              </li>
              <li>
                <Link href="/public/cases" className={link}>
                  {t('public.nav.cases')}
                </Link>
              </li>
              <li>
                <a href="/api/public/v1/openapi.json" className={link}>
                  {t('public.nav.api')}
                </a>
              </li>
            </ul>
          </nav>
          <div className="ml-auto flex flex-wrap items-center gap-x-4 gap-y-2">
            <LanguageSwitcher />
            <Link href="/sign-in" className={link}>
              {t('public.nav.signIn')}
            </Link>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
    </>
  );
}
