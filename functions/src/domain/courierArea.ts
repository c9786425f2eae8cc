// A courier's area: the geohash cell they are in (AREA_PRECISION characters, about 3 × 5 km in
// Berlin) and the eight cells around it. A courier sees the ready orders whose restaurant is in one
// of those nine cells, and hears about new ones on the nine cells' topics; an order names its
// restaurant's cell (`pickupCell`), so a `ready` push is one send per language to one cell's topic,
// and the query of open pickups reads only the courier's area, never the whole city's.

import { geohashForLocation } from "geofire-common";
import type { LatLng } from "./geo";
import type { Language } from "./language";

/** Five characters: cells of 0.044° × 0.044°, about 3.0 km east-west and 4.9 km north-south at
 * Berlin's latitude, so the nine cells around a courier reach at least 3 km in every direction. */
export const AREA_PRECISION = 5;

const BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";
export const CELL_PATTERN = /^[0-9b-hjkmnp-z]{5}$/;

export function areaCell(p: LatLng): string {
  return geohashForLocation([p.lat, p.lng], AREA_PRECISION);
}

/** The centre of a cell and its size in degrees. */
function decode(cell: string): { lat: number; lng: number; dLat: number; dLng: number } {
  const lat: [number, number] = [-90, 90];
  const lng: [number, number] = [-180, 180];
  let even = true; // geohash bits alternate, longitude first
  for (const ch of cell) {
    const bits = BASE32.indexOf(ch);
    for (let b = 4; b >= 0; b--) {
      const range = even ? lng : lat;
      const mid = (range[0] + range[1]) / 2;
      if ((bits >> b) & 1) range[0] = mid;
      else range[1] = mid;
      even = !even;
    }
  }
  return { lat: (lat[0] + lat[1]) / 2, lng: (lng[0] + lng[1]) / 2, dLat: lat[1] - lat[0], dLng: lng[1] - lng[0] };
}

/** The cell and the eight around it (fewer at the poles), the cell first. */
export function areaBlock(cell: string): string[] {
  if (!CELL_PATTERN.test(cell)) return [];
  const c = decode(cell);
  const cells = new Set<string>([cell]);
  for (const dy of [-1, 0, 1]) {
    for (const dx of [-1, 0, 1]) {
      const lat = c.lat + dy * c.dLat;
      if (lat <= -90 || lat >= 90) continue;
      const lng = ((c.lng + dx * c.dLng + 540) % 360) - 180;
      cells.add(areaCell({ lat, lng }));
    }
  }
  return [...cells];
}

/** The topic of the couriers around one cell, in one language. */
export const courierAreaTopic = (cell: string, lang: Language) => `couriers-${cell}-${lang}`;

/** The topics a courier's device joins for their area: the nine cells' couriers can be told of a
 * pickup in any of them. */
export function courierAreaTopics(cell: string | null | undefined, lang: Language): string[] {
  return cell ? areaBlock(cell).map((c) => courierAreaTopic(c, lang)) : [];
}
