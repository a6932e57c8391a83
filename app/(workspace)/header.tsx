import Link from 'next/link';
import { LanguageSwitcher } from '@/app/i18n/language-switcher';
import { HeaderNav, headerLinkClass, SiteHeader } from '@/app/ui/site-header';
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
    <SiteHeader home="/incidents" t={t}>
      <HeaderNav
        label={t('nav.label')}
        t={t}
        pages={[
          { href: '/incidents', label: 'nav.incidents' },
          { href: '/incidents/new', label: 'nav.newIncident' },
          { href: '/cases', label: 'cases.nav' },
          { href: '/persons', label: 'persons.nav' },
          reviews && { href: '/review', label: 'review.nav' },
          <NotificationsLink key="/notifications" className={headerLinkClass} />,
          { href: '/shared', label: 'sharing.nav' },
          administers && { href: '/deleted', label: 'deleted.nav' },
          administers && { href: '/admin/users', label: 'admin.nav.link' },
        ]}
      />
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
    </SiteHeader>
  );
}
