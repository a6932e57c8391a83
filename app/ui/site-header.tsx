import Link from 'next/link';
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import type { MessageKey, Translate } from '@/common/i18n';
import { HeaderMenu } from './header-menu';

/** A link in the dark header. */
export const headerLinkClass = 'text-slate-100 underline decoration-slate-500 hover:decoration-white';

/** A page to link to by its name in the dictionaries. */
export type PageLink = { href: string; label: MessageKey };

/**
 * Links to pages as a list: the header's navigation, a "not found" page's ways on. An entry may be a
 * ready link (one that shows more than its name, like the unread count), and `null` or `false` leaves
 * a page out (one shown only to some roles).
 */
export function PageLinks({ pages, t, className, linkClassName }: { pages: (PageLink | ReactElement | null | false)[]; t: Translate; className: string; linkClassName: string }) {
  return (
    <ul className={className}>
      {pages.map((page, index) =>
        !page ? null : isValidElement(page) ? (
          <li key={page.key ?? index}>{page}</li>
        ) : (
          <li key={page.href}>
            <Link href={page.href} className={linkClassName}>
              {t(page.label)}
            </Link>
          </li>
        ),
      )}
    </ul>
  );
}

/**
 * The dark bar on top of the workspace and of the public site: the product's name, a link to the
 * first page, then the links and controls, behind a menu button on a phone (app/ui/header-menu.tsx).
 */
export function SiteHeader({ home, t, children }: { home: string; t: Translate; children: ReactNode }) {
  return (
    <header className="on-dark bg-slate-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-2 sm:py-3">
        <Link href={home} className="text-lg font-semibold text-white no-underline">
          {t('app.name')}
        </Link>
        <HeaderMenu label={t('header.menu')} closeLabel={t('header.menuClose')}>
          {children}
        </HeaderMenu>
      </div>
    </header>
  );
}

/** The header's navigation: a row of links, a column in the phone's menu. */
export function HeaderNav({ label, pages, t }: { label: string; pages: (PageLink | ReactElement | null | false)[]; t: Translate }) {
  return (
    <nav aria-label={label}>
      <PageLinks pages={pages} t={t} className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:gap-4" linkClassName={headerLinkClass} />
    </nav>
  );
}
