import type { Translate } from '@/common/i18n';
import { regionCodeOf } from '@/common/regions';
import { sayFilterProblem, type FilterProblem } from './page-filters';

type Choice = { code: string; label: string; depth: number };
type Props = {
  /** Where the GET form goes: the dashboard or the incident list. */
  action: string;
  raw: Record<string, string>;
  problems: FilterProblem[];
  /** Value: the code (or a region kept as written); label: its name in the page's language. */
  regions: { value: string; label: string }[];
  types: Choice[];
  categories: Choice[];
  /** Only the incident list filters by perpetrator and words (the dashboard's charts show perpetrators). */
  perpetrators?: Choice[];
  withWords?: boolean;
  t: Translate;
};

const inputClass = 'mt-1 block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900';

function TermSelect({ name, label, value, choices, t }: { name: string; label: string; value: string; choices: Choice[]; t: Translate }) {
  return (
    <label className="block font-medium">
      {label}
      <select name={name} defaultValue={value} className={inputClass}>
        <option value="">{t('public.filters.any')}</option>
        {choices.map((choice) => (
          <option key={choice.code} value={choice.code}>
            {`${'\u2003'.repeat(choice.depth)}${choice.label}`}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The public filters as a GET form (no client code): the dashboard's and the incident list's alike. */
export function PublicFilterForm({ action, raw, problems, regions, types, categories, perpetrators, withWords, t }: Props) {
  return (
    <form method="get" action={action} className="rounded-lg border border-slate-300 bg-white p-4" role={withWords ? 'search' : undefined}>
      <fieldset>
        <legend className="px-1 text-lg font-semibold">{t('public.filters.legend')}</legend>
        {problems.length > 0 ? (
          <p role="alert" className="mt-2 font-medium text-red-800">
            {t('public.filters.invalid', { problems: problems.map((problem) => sayFilterProblem(t, problem)).join('; ') })}
          </p>
        ) : null}
        <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          {withWords ? (
            <label className="block font-medium sm:col-span-2 lg:col-span-5">
              {t('public.search.label')}
              <input type="search" name="q" defaultValue={raw.q ?? ''} className={inputClass} />
            </label>
          ) : null}
          <label className="block font-medium">
            {t('public.filters.from')}
            <input name="from" defaultValue={raw.from ?? ''} inputMode="numeric" className={inputClass} placeholder="2017" />
          </label>
          <label className="block font-medium">
            {t('public.filters.to')}
            <input name="to" defaultValue={raw.to ?? ''} inputMode="numeric" className={inputClass} placeholder="2017-12" />
          </label>
          <TermSelect name="type" label={t('public.filters.type')} value={raw.type ?? ''} choices={types} t={t} />
          <label className="block font-medium">
            {t('public.filters.region')}
            <select name="region" defaultValue={raw.region ? (regionCodeOf(raw.region) ?? raw.region) : ''} className={inputClass}>
              <option value="">{t('public.filters.any')}</option>
              {regions.map((region) => (
                <option key={region.value} value={region.value}>
                  {region.label}
                </option>
              ))}
            </select>
          </label>
          <TermSelect name="category" label={t('public.filters.category')} value={raw.category ?? ''} choices={categories} t={t} />
          {perpetrators ? <TermSelect name="perpetrator" label={t('public.filters.perpetrator')} value={raw.perpetrator ?? ''} choices={perpetrators} t={t} /> : null}
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded-md border border-blue-800 bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
            {withWords ? t('public.search.submit') : t('public.filters.apply')}
          </button>
          <a href={action} className="font-medium text-blue-800 underline">
            {t('public.filters.clear')}
          </a>
        </div>
      </fieldset>
    </form>
  );
}
