import Link from 'next/link';
import type { Translate } from '@/app/i18n';
import { LanguageSwitcher } from '@/app/i18n/language-switcher';
import { HeaderMenu } from '@/app/ui/header-menu';

const link = 'text-slate-100 underline decoration-slate-500 hover:decoration-white';

/** The public site's header, shared by its pages and by the site-wide "not found" page. */
export function PublicHeader({ t }: { t: Translate }) {
  return (
    <header className="on-dark bg-slate-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-2 sm:py-3">
        <Link href="/dashboard" className="text-lg font-semibold text-white no-underline">
          {t('app.name')}
        </Link>
        <HeaderMenu label={t('header.menu')} closeLabel={t('header.menuClose')}>
          <nav aria-label={t('public.nav.label')}>
            <ul className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:gap-4">
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
                <Link href="/public/open-data" className={link}>
                  {t('public.nav.api')}
                </Link>
              </li>
            </ul>
          </nav>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 sm:ml-auto">
            <LanguageSwitcher />
            <Link href="/sign-in" className={link}>
              {t('public.nav.signIn')}
            </Link>
          </div>
        </HeaderMenu>
      </div>
    </header>
  );
}

/** The link that lets a keyboard user jump over the header. */
export function SkipLink({ t }: { t: Translate }) {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-blue-900"
    >
      {t('app.skipToContent')}
    </a>
  );
}
