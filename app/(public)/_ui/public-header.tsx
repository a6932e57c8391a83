import Link from 'next/link';
import type { Translate } from '@/common/i18n';
import { LanguageSwitcher } from '@/app/i18n/language-switcher';
import { HeaderNav, headerLinkClass, SiteHeader, type PageLink } from '@/app/ui/site-header';

/** The public site's pages, in the header and wherever a visitor needs a way back (its "not found" page). */
export const publicPages: PageLink[] = [
  { href: '/dashboard', label: 'public.nav.dashboard' },
  { href: '/public/incidents', label: 'public.nav.incidents' },
  { href: '/public/cases', label: 'public.nav.cases' },
  { href: '/public/open-data', label: 'public.nav.api' },
];

/** The public site's header, shared by its pages and by the site-wide "not found" page. */
export function PublicHeader({ t }: { t: Translate }) {
  return (
    <SiteHeader home="/dashboard" t={t}>
      <HeaderNav label={t('public.nav.label')} pages={publicPages} t={t} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 sm:ml-auto">
        <LanguageSwitcher />
        <Link href="/sign-in" className={headerLinkClass}>
          {t('public.nav.signIn')}
        </Link>
      </div>
    </SiteHeader>
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
