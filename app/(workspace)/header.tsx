import Link from 'next/link';
import { LanguageSwitcher } from '@/app/i18n/language-switcher';
import { HeaderMenu } from '@/app/ui/header-menu';
import type { Translate } from '@/common/i18n';
import type { Viewer } from '@/server/policy/viewer';
import { NotificationsLink } from './notifications-link';
import { SignOutButton } from './sign-out-button';

/** The workspace header: product, navigation, who is signed in (organization and role), language, sign out. */
export function WorkspaceHeader({ viewer, t }: { viewer: Viewer; t: Translate }) {
  const memberships = viewer.memberships.map((m) => `${m.organizationName} (${t(`role.${m.role}`)})`).join(', ');
  // Only a convenience: the queue and the deleted list are empty for those who may not review or restore.
  const reviews = viewer.memberships.some((m) => m.role !== 'monitor');
  const administers = viewer.memberships.some((m) => m.role === 'admin');
  return (
    <header className="on-dark bg-slate-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-2 sm:py-3">
        <Link href="/incidents" className="text-lg font-semibold text-white no-underline">
          {t('app.name')}
        </Link>
        {/* On a phone the header is one line: the product and a menu button (app/ui/header-menu.tsx). */}
        <HeaderMenu label={t('header.menu')} closeLabel={t('header.menuClose')}>
          <nav aria-label={t('nav.label')}>
            <ul className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:gap-4">
              <li>
                <Link href="/incidents" className="text-slate-100 underline decoration-slate-500 hover:decoration-white">
                  {t('nav.incidents')}
                </Link>
              </li>
              <li>
                <Link href="/incidents/new" className="text-slate-100 underline decoration-slate-500 hover:decoration-white">
                  {t('nav.newIncident')}
                </Link>
              </li>
              <li>
                <Link href="/cases" className="text-slate-100 underline decoration-slate-500 hover:decoration-white">
                  {t('cases.nav')}
                </Link>
              </li>
              <li>
                <Link href="/persons" className="text-slate-100 underline decoration-slate-500 hover:decoration-white">
                  {t('persons.nav')}
                </Link>
              </li>
              {reviews ? (
                <li>
                  <Link href="/review" className="text-slate-100 underline decoration-slate-500 hover:decoration-white">
                    {t('review.nav')}
                  </Link>
                </li>
              ) : null}
              <li>
                <NotificationsLink className="text-slate-100 underline decoration-slate-500 hover:decoration-white" />
              </li>
              <li>
                <Link href="/shared" className="text-slate-100 underline decoration-slate-500 hover:decoration-white">
                  {t('sharing.nav')}
                </Link>
              </li>
              {administers ? (
                <li>
                  <Link href="/deleted" className="text-slate-100 underline decoration-slate-500 hover:decoration-white">
                    {t('deleted.nav')}
                  </Link>
                </li>
              ) : null}
              {administers ? (
                <li>
                  <Link href="/admin/users" className="text-slate-100 underline decoration-slate-500 hover:decoration-white">
                    {t('admin.nav.link')}
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 sm:ml-auto">
            <section aria-label={t('header.account')} className="text-sm leading-tight">
              <p className="font-medium">
                <Link href="/account" className="text-white underline decoration-slate-500 hover:decoration-white" title={t('account.nav')}>
                  {viewer.name}
                </Link>
              </p>
              <p className="text-slate-300">{memberships || t('header.noOrganization')}</p>
            </section>
            <LanguageSwitcher />
            <SignOutButton />
          </div>
        </HeaderMenu>
      </div>
    </header>
  );
}
