import type { ReactNode } from 'react';
import { getI18n } from '@/app/i18n/server';
import { Providers } from '@/app/providers';

/** The second-factor step and enrolment call tRPC outside the workspace layout (which would send a gated session here). */
export default async function SecondFactorLayout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return <Providers locale={locale}>{children}</Providers>;
}
