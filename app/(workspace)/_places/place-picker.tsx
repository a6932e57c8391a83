'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type MouseEvent } from 'react';
import type { LocationPrecision } from '@/db/schema';
import { useI18n } from '@/app/i18n/client';
import type { Locale } from '@/common/i18n';
import { regionLabel } from '@/common/regions';
import { useTRPC } from '@/app/trpc';
import { mapHeight, mapToLatLon, mapWidth, mapX, mapY, outlinePoints } from '@/app/ui/kazakhstan-projection';
import { hintClass, inputClass, labelClass } from '@/app/ui/styles';
import { useDebounced } from '@/app/ui/use-debounced';

/** What a pick sets on the incident's place: the region's name in the monitor's language (stored as its code), the locality's English name, the point, the precision. */
export type PickedPlace = { country: string; region: string; locality: string; lat: string; lon: string; precision: LocationPrecision };

type Place = { id: number; locality: string; region: string | null; country: string; label: string; regionLabel: string | null; lat: number; lon: number };

const toPick = (place: Place, locale: Locale): PickedPlace => ({
  country: place.country,
  region: regionLabel(place.region, locale) ?? '',
  locality: place.locality,
  lat: String(place.lat),
  lon: String(place.lon),
  precision: 'locality',
});

/**
 * Picks a town from the gazetteer shipped with the app: by name (in any script) or by a click on the
 * offline map, which takes the nearest town. Self-contained: it reports a pick through `onPick` and
 * shows the current point from `point`; the form keeps what it stores.
 */
export function PlacePicker({ point, onPick }: { point: { lat: string; lon: string }; onPick: (picked: PickedPlace) => void }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const query = useDebounced(text.trim(), 200);
  const found = useQuery({ ...trpc.place.search.queryOptions({ q: query, lang: locale }), enabled: query.length > 0 });
  const towns = useQuery({ ...trpc.place.largest.queryOptions({ country: 'KZ', lang: locale, limit: 40 }), staleTime: Infinity });

  function pick(place: Place) {
    onPick(toPick(place, locale));
    setText('');
    setMessage(t('places.picked', { name: [place.label, place.regionLabel].filter(Boolean).join(', ') }));
  }

  async function onMapClick(event: MouseEvent<SVGSVGElement>) {
    const svg = event.currentTarget;
    const box = svg.getBoundingClientRect();
    const { lat, lon } = mapToLatLon(((event.clientX - box.left) / box.width) * mapWidth, ((event.clientY - box.top) / box.height) * mapHeight);
    const nearest = await queryClient.fetchQuery(trpc.place.nearest.queryOptions({ lat, lon, lang: locale }));
    if (nearest) pick(nearest);
    else setMessage(t('places.noneNear'));
  }

  const lat = Number(point.lat);
  const lon = Number(point.lon);
  const hasPoint = point.lat !== '' && point.lon !== '' && Number.isFinite(lat) && Number.isFinite(lon);
  return (
    <div className="space-y-3 sm:col-span-2 lg:col-span-3" data-testid="place-picker">
      <div>
        <label htmlFor={`${id}-search`} className={labelClass}>
          {t('places.search')}
        </label>
        <p id={`${id}-hint`} className={hintClass}>
          {t('places.searchHint')}
        </p>
        <input
          id={`${id}-search`}
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          maxLength={100}
          className={`${inputClass} mt-1 max-w-md`}
        />
        {query && found.data ? (
          found.data.length === 0 ? (
            <p className="mt-2 text-slate-700">{t('places.none')}</p>
          ) : (
            <ul className="mt-2 max-w-md divide-y divide-slate-200 rounded-md border border-slate-300 bg-white" aria-label={t('places.results')}>
              {found.data.map((place) => (
                <li key={place.id}>
                  <button type="button" onClick={() => pick(place)} className="w-full px-3 py-2 text-left hover:bg-slate-100">
                    <span className="font-medium">{place.label}</span>
                    <span className="text-slate-700"> · {[place.regionLabel, place.country].filter(Boolean).join(', ')}</span>
                  </button>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </div>
      <figure className="max-w-xl">
        {/* The click is a shortcut for pointer users; the search above does the same from the keyboard. */}
        <svg viewBox={`0 0 ${mapWidth} ${mapHeight}`} className="h-auto w-full cursor-crosshair rounded-md border border-slate-300 bg-sky-50" onClick={onMapClick} role="img" aria-label={t('places.map')} data-testid="place-map">
          <polygon points={outlinePoints} fill="#ffffff" stroke="#334155" strokeWidth="1" />
          {(towns.data ?? []).map((town) => (
            <circle key={town.id} cx={mapX(town.lon)} cy={mapY(town.lat)} r="2" fill="#475569" data-town={town.locality}>
              <title>{town.label}</title>
            </circle>
          ))}
          {hasPoint ? <circle cx={mapX(lon)} cy={mapY(lat)} r="4.5" fill="#b91c1c" stroke="#ffffff" strokeWidth="1.5" data-testid="picked-point" /> : null}
        </svg>
        <figcaption className="mt-1 text-sm text-slate-700">{t('places.mapCaption')}</figcaption>
      </figure>
      <p role="status" className="font-medium text-green-900">
        {message}
      </p>
    </div>
  );
}
