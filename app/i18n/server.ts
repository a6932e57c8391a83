import { cookies } from 'next/headers';
import { defaultLocale, isLocale, localeCookie, translator, type Locale } from '@/common/i18n';

/** The reader's language from the `hrd-locale` cookie; English when unset or unknown. */
export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(localeCookie)?.value;
  return isLocale(value) ? value : defaultLocale;
}

/** The locale and its `t` for a server component. */
export async function getI18n() {
  const locale = await getLocale();
  return { locale, t: translator(locale) };
}
