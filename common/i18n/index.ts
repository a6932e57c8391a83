import type { DatePrecision } from '../values';
import { formatPartialDate } from '../partial-date';
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

const intlLocale: Record<Locale, string> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' };

/**
 * A stored date written no more precisely than it is known: "May 2017", never "1 May 2017".
 * English uses the server's own formatter, so the UI and the history diff read alike.
 */
export function formatIncidentDate(iso: string, precision: DatePrecision, locale: Locale): string {
  if (locale === 'en') return formatPartialDate(iso, precision);
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions =
    precision === 'year'
      ? { year: 'numeric' }
      : precision === 'month'
        ? { year: 'numeric', month: 'long' }
        : { year: 'numeric', month: 'long', day: 'numeric' };
  return new Intl.DateTimeFormat(intlLocale[locale], { ...options, timeZone: 'UTC' }).format(date);
}

/** A date range at one precision: "May 2017 – June 2017", or just the start. */
export function formatIncidentDateRange(start: string, end: string | null, precision: DatePrecision, locale: Locale): string {
  const from = formatIncidentDate(start, precision, locale);
  return end && end !== start ? `${from} – ${formatIncidentDate(end, precision, locale)}` : from;
}

/** A moment, in UTC and saying so: the server cannot know the reader's time zone. */
export function formatMoment(moment: Date, locale: Locale): string {
  const text = new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(moment);
  return `${text} UTC`;
}

export type { MessageKey, Messages };
