import { en, type MessageKey, type Messages } from './en';
import { kk } from './kk';
import { ru } from './ru';

/** The i18n layer shared by server and client components: pure functions, no request state. */

export const locales = ['en', 'ru', 'kk'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';
export const localeCookie = 'hrd-locale';

/** Each language's name in that language, for the switcher. */
export const localeNames: Record<Locale, string> = { en: 'English', ru: 'Русский', kk: 'Қазақша' };

const dictionaries: Record<Locale, Partial<Messages>> = { en, ru, kk };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

/** `t(key, params)`: the locale's text, else the English one, with `{name}` placeholders filled in. */
export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (key, params) => {
    const text = dictionary[key] ?? en[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  };
}

/** A vocabulary term's label in the locale, else in English. */
export function termLabel(labels: { en: string } & Record<string, string | undefined>, locale: Locale): string {
  return labels[locale] ?? labels.en;
}

export { formatClockTime, formatDay, formatDayCount, formatIncidentDate, formatIncidentDateRange, formatMoment, isoDay, monthNames } from './dates';
export type { MessageKey, Messages };
