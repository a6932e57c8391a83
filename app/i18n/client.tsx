'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { defaultLocale, translator, type Locale } from '@/common/i18n';

const LocaleContext = createContext<Locale>(defaultLocale);

/** Hands the server-chosen locale to client components. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/** The locale and its `t` for a client component. */
export function useI18n() {
  const locale = useContext(LocaleContext);
  const t = useMemo(() => translator(locale), [locale]);
  return { locale, t };
}
