import { kazakhstanOutline } from '@/app/(public)/_ui/kazakhstan-outline';

/**
 * The one projection of the offline maps (the public dashboard's and the place picker's): equirectangular,
 * squeezed by cos(48°) so that Kazakhstan keeps roughly its shape, and a view box fitted to the outline
 * with a small margin, so that the map fills its box.
 */
const squeeze = Math.cos((48 * Math.PI) / 180);
const scale = 10;
const margin = 4;
const lons = kazakhstanOutline.map(([lon]) => lon);
const lats = kazakhstanOutline.map(([, lat]) => lat);
const west = Math.min(...lons);
const north = Math.max(...lats);

export const mapX = (lon: number) => margin + (lon - west) * scale * squeeze;
export const mapY = (lat: number) => margin + (north - lat) * scale;
export const mapWidth = Math.ceil(mapX(Math.max(...lons)) + margin);
export const mapHeight = Math.ceil(mapY(Math.min(...lats)) + margin);

/** The outline as the points of an SVG polygon. */
export const outlinePoints = kazakhstanOutline.map(([lon, lat]) => `${mapX(lon).toFixed(1)},${mapY(lat).toFixed(1)}`).join(' ');

/** A point of the map (in view box units) back to latitude and longitude. */
export function mapToLatLon(x: number, y: number): { lat: number; lon: number } {
  return { lat: north - (y - margin) / scale, lon: west + (x - margin) / (scale * squeeze) };
}
