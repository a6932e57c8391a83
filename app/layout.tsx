import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getI18n } from './i18n/server';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  // Page titles stay generic ("Incident"), never an incident's title: titles end up in browser history.
  return { title: { default: t('app.name'), template: `%s · ${t('app.name')}` }, description: t('app.tagline') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {/* No client providers here: the public pages ship no React Query, tRPC or sign-in code.
            The workspace, sign-in and set-password layouts add what their pages need. */}
        {children}
      </body>
    </html>
  );
}
