import Link from 'next/link';
import type { MessageKey, Translate } from '@/common/i18n';
import { LanguageSwitcher } from '@/app/i18n/language-switcher';
import { HeaderMenu } from '@/app/ui/header-menu';

const link = 'text-slate-100 underline decoration-slate-500 hover:decoration-white';

/** The public site's pages, in the header and wherever a visitor needs a way back (its "not found" page). */
export const publicPages: { href: string; label: MessageKey }[] = [
  { href: '/dashboard', label: 'public.nav.dashboard' },
  { href: '/public/incidents', label: 'public.nav.incidents' },
  { href: '/public/cases', label: 'public.nav.cases' },
  { href: '/public/open-data', label: 'public.nav.api' },
];

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
              {publicPages.map((page) => (
                <li key={page.href}>
                  <Link href={page.href} className={link}>
                    {t(page.label)}
                  </Link>
                </li>
              ))}
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
