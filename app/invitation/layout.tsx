import type { ReactNode } from 'react';
import { getI18n } from '@/app/i18n/server';
import { Providers } from '@/app/providers';

/** The invitation page calls tRPC, so it gets the client providers the root layout no longer gives every page. */
export default async function InvitationLayout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return <Providers locale={locale}>{children}</Providers>;
}
