import type { ReactNode } from 'react';
import { getI18n } from '@/app/i18n/server';
import { FocusHeadingOnNavigate } from '@/app/ui/focus-heading';
import { PublicHeader, SkipLink } from './_ui/public-header';

/** The public site: no sign-in, nothing but the public read model (server/public). */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = await getI18n();
  return (
    <>
      <SkipLink t={t} />
      <PublicHeader t={t} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      <FocusHeadingOnNavigate />
    </>
  );
}
