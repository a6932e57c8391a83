'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useI18n } from '@/app/i18n/client';

/** The two administration pages, the current one marked for screen readers and by its look. */
export function AdminNav() {
  const { t } = useI18n();
  const pathname = usePathname();
  const links = [
    { href: '/admin/users', label: t('admin.nav.users') },
    { href: '/admin/audit', label: t('admin.nav.audit') },
  ];
  return (
    <nav aria-label={t('admin.nav.label')}>
      <ul className="flex flex-wrap gap-2 border-b border-slate-300">
        {links.map((link) => {
          const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? 'page' : undefined}
                className={`-mb-px inline-block border-b-2 px-3 py-2 font-medium ${current ? 'border-blue-800 text-blue-900' : 'border-transparent text-slate-700 hover:border-slate-400 hover:text-slate-900'}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
