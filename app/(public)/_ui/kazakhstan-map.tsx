import type { Translate } from '@/common/i18n';
import { mapHeight, mapWidth, mapX, mapY, outlinePoints } from '@/app/ui/kazakhstan-projection';
import { CountTable } from './count-table';

// Two decimals are finer than a dot's edge at any width the page is read at, and 300 dots' coordinates are much of the map's weight.
const round = (n: number) => Math.round(n * 100) / 100;

type MapPlace = { lat: number; lon: number; count: number; locality: string | null; region: string | null };

/**
 * An offline map: a simplified outline and a dot per place (bigger for more incidents) with its count,
 * a tooltip naming it, and a link to the public list of its incidents; a count table beside it.
 */
export function KazakhstanMap(props: {
  places: MapPlace[];
  located: number;
  /** How many places there are in all, when more than those drawn. */
  points: number;
  regions: { label: string; count: number }[];
  withoutPlace: number;
  /** The public list's address for a place's incidents (the page's filters kept). */
  listHref: (place: MapPlace) => string;
  t: Translate;
}) {
  const { places, located, points, regions, withoutPlace, listHref, t } = props;
  // The busiest last, so that their dots and numbers are drawn on top.
  const drawn = [...places].sort((a, b) => a.count - b.count);
  return (
    <section aria-labelledby="map-heading" className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="map-heading" className="text-lg font-semibold">
        {t('public.map.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('public.map.description')}</p>
      <div className="mt-3 grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div>
          <svg viewBox={`0 0 ${mapWidth} ${mapHeight}`} role="group" aria-label={t('public.map.label', { n: located })} className="h-auto w-full" data-testid="incident-map">
            <polygon points={outlinePoints} fill="#f1f5f9" stroke="#334155" strokeWidth="1" />
            {drawn.map((place) => {
              const name = place.locality ?? place.region ?? `${place.lat}, ${place.lon}`;
              const label = t('public.map.place', { name, n: place.count });
              const r = Math.min(9, 3.5 + Math.sqrt(place.count) * 1.2);
              return (
                <a key={`${place.lat},${place.lon}`} href={listHref(place)} aria-label={label} className="map-dot">
                  <title>{label}</title>
                  <circle cx={round(mapX(place.lon))} cy={round(mapY(place.lat))} r={round(r)} />
                  <text x={round(mapX(place.lon))} y={round(mapY(place.lat))} fontSize={r > 5 ? 6 : 4.5} aria-hidden="true">
                    {place.count}
                  </text>
                </a>
              );
            })}
          </svg>
          {points > places.length && <p className="mt-1 text-sm text-slate-700">{t('public.map.busiest', { shown: places.length, n: points })}</p>}
          <p className="mt-1 text-sm text-slate-700">{t('public.map.noPlace', { n: withoutPlace })}</p>
        </div>
        <CountTable caption={t('public.chart.region')} heading={t('public.filters.region')} rows={regions.map((region) => ({ key: region.label, label: region.label, count: region.count }))} t={t} />
      </div>
    </section>
  );
}
