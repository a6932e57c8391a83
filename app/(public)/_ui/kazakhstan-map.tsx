import type { Translate } from '@/common/i18n';
import { kazakhstanOutline } from './kazakhstan-outline';

// Equirectangular, squeezed by cos(48°) so that Kazakhstan keeps roughly its shape.
const west = 46;
const north = 56;
const scale = 10;
const squeeze = Math.cos((48 * Math.PI) / 180);
const x = (lon: number) => (lon - west) * scale * squeeze;
const y = (lat: number) => (north - lat) * scale;
const width = Math.ceil(x(88));
const height = Math.ceil(y(40));

/** An offline map: a simplified outline and a dot per place (bigger for more incidents), with a count table beside it. */
export function KazakhstanMap(props: {
  places: { lat: number; lon: number; count: number }[];
  located: number;
  regions: { label: string; count: number }[];
  withoutPlace: number;
  t: Translate;
}) {
  const { places, located, regions, withoutPlace, t } = props;
  const outline = kazakhstanOutline.map(([lon, lat]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join(' ');
  return (
    <section aria-labelledby="map-heading" className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="map-heading" className="text-lg font-semibold">
        {t('public.map.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('public.map.description')}</p>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('public.map.label', { n: located })} className="mt-3 h-auto w-full max-w-2xl">
        <polygon points={outline} fill="#f1f5f9" stroke="#334155" strokeWidth="1" />
        {places.map((place) => (
          <circle
            key={`${place.lat},${place.lon}`}
            cx={x(place.lon)}
            cy={y(place.lat)}
            r={Math.min(12, 2.5 + Math.sqrt(place.count) * 1.5)}
            fill="#1e40af"
            fillOpacity="0.7"
            stroke="#0f172a"
            strokeWidth="0.8"
          />
        ))}
      </svg>
      <p className="mt-1 text-sm text-slate-700">{t('public.map.noPlace', { n: withoutPlace })}</p>
      <table className="mt-2 w-full max-w-md text-left text-sm">
        <caption className="sr-only">{t('public.chart.region')}</caption>
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-4">
              {t('public.filters.region')}
            </th>
            <th scope="col" className="py-1 text-right">
              {t('public.chart.incidents')}
            </th>
          </tr>
        </thead>
        <tbody>
          {regions.map((region) => (
            <tr key={region.label} className="border-t border-slate-200">
              <th scope="row" className="py-1 pr-4 font-normal">
                {region.label}
              </th>
              <td className="py-1 text-right tabular-nums">{region.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
