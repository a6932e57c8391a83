import { setLocale } from './actions';
import { locales, localeNames } from '@/common/i18n';
import { getI18n } from './server';

/** One button per language, each named in its own language; works without JavaScript. */
export async function LanguageSwitcher() {
  const { locale, t } = await getI18n();
  return (
    <form action={setLocale}>
      <div role="group" aria-label={t('lang.label')} className="flex flex-wrap gap-1">
        {locales.map((code) => (
          <button
            key={code}
            type="submit"
            name="locale"
            value={code}
            lang={code}
            aria-pressed={code === locale}
            className="rounded border border-slate-500 px-2 py-1 text-sm text-slate-100 hover:bg-slate-700 aria-pressed:border-white aria-pressed:bg-white aria-pressed:text-slate-900"
          >
            {localeNames[code]}
          </button>
        ))}
      </div>
    </form>
  );
}
