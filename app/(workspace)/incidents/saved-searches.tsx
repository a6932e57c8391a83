import type { Translate } from '@/common/i18n';
import { inputClass, labelClass, linkClass, secondaryButtonClass } from '@/app/ui/styles';
import type { SavedSearch } from '@/server/services/saved-searches/store';
import type { Viewer } from '@/server/policy/viewer';
import { applySavedSearch, removeSavedSearch, saveIncidentSearch } from './saved-search-actions';
import type { ListParams } from './list-params';

type Props = { searches: SavedSearch[]; values: ListParams['values']; viewer: Viewer; t: Translate };

/** The viewer's saved searches and those shared in their organizations; and the form that saves the filters on screen. */
export function SavedSearches({ searches, values, viewer, t }: Props) {
  const { cursor: _cursor, text: _text, ...filters } = values;
  return (
    <details className="mt-4 rounded-lg border border-slate-300 bg-white p-4" open={searches.length > 0}>
      <summary className="cursor-pointer text-lg font-semibold">{t('savedSearches.heading')}</summary>
      {searches.length === 0 ? (
        <p className="mt-2 text-slate-700">{t('savedSearches.none')}</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {searches.map((search) => (
            <li key={search.id} className="flex flex-wrap items-center gap-3">
              <form action={applySavedSearch}>
                <input type="hidden" name="id" value={search.id} />
                <button type="submit" className={linkClass}>
                  {search.name}
                </button>
              </form>
              <span className="text-sm text-slate-700">
                {[
                  search.ownerId === viewer.id ? (search.shared ? t('savedSearches.sharedByMe') : null) : t('savedSearches.sharedBy', { name: search.ownerName }),
                  search.ownerId === viewer.id && search.notify ? t('savedSearches.notifying') : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {search.ownerId === viewer.id ? (
                <form action={removeSavedSearch}>
                  <input type="hidden" name="id" value={search.id} />
                  <button type="submit" className="text-sm font-medium text-red-800 underline" aria-label={t('savedSearches.removeNamed', { name: search.name })}>
                    {t('savedSearches.remove')}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <form action={saveIncidentSearch} className="mt-4 grid gap-3 border-t border-slate-200 pt-4 sm:grid-cols-[1fr_auto] sm:items-end">
        <h3 className="font-medium sm:col-span-2">{t('savedSearches.saveHeading')}</h3>
        {Object.entries(filters).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
        <div>
          <label htmlFor="saved-search-name" className={labelClass}>
            {t('savedSearches.name')}
          </label>
          <input id="saved-search-name" name="name" required maxLength={200} className={`${inputClass} mt-1`} />
        </div>
        {viewer.memberships.length > 1 ? (
          <div>
            <label htmlFor="saved-search-organization" className={labelClass}>
              {t('savedSearches.organization')}
            </label>
            <select id="saved-search-organization" name="organizationId" className={`${inputClass} mt-1`}>
              {viewer.memberships.map((m) => (
                <option key={m.organizationId} value={m.organizationId}>
                  {m.organizationName}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <input type="hidden" name="organizationId" value={viewer.memberships[0]?.organizationId ?? ''} />
        )}
        <div className="flex flex-wrap gap-4 sm:col-span-2">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="shared" className="h-5 w-5" />
            {t('savedSearches.share')}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="notify" className="h-5 w-5" />
            {t('savedSearches.notify')}
          </label>
        </div>
        <div className="sm:col-span-2">
          <button type="submit" className={secondaryButtonClass}>
            {t('savedSearches.save')}
          </button>
        </div>
      </form>
    </details>
  );
}
