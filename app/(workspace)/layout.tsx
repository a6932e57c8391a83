import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getI18n } from '@/app/i18n/server';
import { Providers } from '@/app/providers';
import { FocusHeadingOnNavigate } from '@/app/ui/focus-heading';
import { NewDeviceNotices } from './account/new-device-notices';
import { WorkspaceHeader } from './header';
import { requireViewer } from './session';

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** Every signed-in page: checked on the server (no viewer → sign-in), with the header and a skip link. */
export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const { viewer, caller } = await requireViewer();
  const notices = await caller.session.notices();
  const { t, locale } = await getI18n();
  return (
    <Providers locale={locale}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-blue-900"
      >
        {t('app.skipToContent')}
      </a>
      <WorkspaceHeader viewer={viewer} t={t} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        <NewDeviceNotices notices={notices} />
        {children}
      </main>
      <FocusHeadingOnNavigate />
    </Providers>
  );
}
