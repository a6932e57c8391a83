import type { ReactNode } from 'react';
import { I18nProvider } from '@/app/i18n/client';
import { getI18n } from '@/app/i18n/server';

/** The sign-in form needs only the locale on the client (it signs in through next-auth, not tRPC). */
export default async function SignInLayout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return <I18nProvider locale={locale}>{children}</I18nProvider>;
}
