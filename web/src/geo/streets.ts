// A street-level index of central Berlin for the built-in geocoder: each street as a straight
// segment from its lowest to its highest house number, with its postcode. A house number is
// placed by interpolating along the segment, and a point is described by the nearest street and
// the number there. Coarse (tens of metres), but the pin and the written address always agree;
// a real geocoder replaces it behind the Geocoder interface.

import { distanceM, normalize, type LatLng } from "@domain";

export interface Street {
  name: string;
  postcode: string;
  from: LatLng;
  to: LatLng;
  /** House numbers from `from` to `to`. */
  numbers: [number, number];
}

const s = (
  name: string,
  postcode: string,
  from: [number, number],
  to: [number, number],
  numbers: [number, number],
): Street => ({ name, postcode, from: { lat: from[0], lng: from[1] }, to: { lat: to[0], lng: to[1] }, numbers });

export const STREETS: Street[] = [
  s("Torstraße", "10119", [52.5276, 13.3868], [52.5291, 13.4139], [1, 231]),
  s("Kastanienallee", "10435", [52.5335, 13.404], [52.5405, 13.4105], [1, 100]),
  s("Friedrichstraße", "10117", [52.499, 13.391], [52.5276, 13.3874], [1, 235]),
  s("Unter den Linden", "10117", [52.5163, 13.3794], [52.5176, 13.399], [1, 77]),
  s("Oranienstraße", "10999", [52.5034, 13.4106], [52.5002, 13.4293], [1, 200]),
  s("Kottbusser Damm", "10967", [52.499, 13.4183], [52.4873, 13.4245], [1, 100]),
  s("Sonnenallee", "12045", [52.487, 13.425], [52.464, 13.483], [1, 400]),
  s("Karl-Marx-Allee", "10243", [52.521, 13.415], [52.5159, 13.454], [1, 150]),
  s("Frankfurter Allee", "10247", [52.5158, 13.4545], [52.51, 13.499], [1, 300]),
  s("Warschauer Straße", "10243", [52.5158, 13.454], [52.503, 13.446], [1, 90]),
  s("Schönhauser Allee", "10435", [52.5285, 13.4105], [52.552, 13.413], [1, 190]),
  s("Kurfürstendamm", "10719", [52.5045, 13.336], [52.4995, 13.288], [1, 240]),
  s("Tauentzienstraße", "10789", [52.5019, 13.343], [52.5043, 13.337], [1, 21]),
  s("Kantstraße", "10623", [52.506, 13.332], [52.507, 13.283], [1, 160]),
  s("Bergmannstraße", "10961", [52.4911, 13.3868], [52.4895, 13.406], [1, 120]),
  s("Mehringdamm", "10961", [52.4975, 13.3895], [52.4855, 13.3855], [1, 130]),
  s("Prenzlauer Allee", "10405", [52.5275, 13.4165], [52.545, 13.427], [1, 240]),
  s("Greifswalder Straße", "10405", [52.53, 13.4265], [52.546, 13.443], [1, 230]),
  s("Invalidenstraße", "10115", [52.5326, 13.3985], [52.5255, 13.368], [1, 160]),
  s("Brunnenstraße", "10119", [52.5297, 13.4012], [52.547, 13.392], [1, 200]),
  s("Rosenthaler Straße", "10119", [52.5238, 13.402], [52.5295, 13.4012], [1, 72]),
  s("Alte Schönhauser Straße", "10119", [52.525, 13.4075], [52.5285, 13.409], [1, 60]),
  s("Kollwitzstraße", "10405", [52.531, 13.415], [52.5405, 13.4195], [1, 100]),
  s("Simon-Dach-Straße", "10245", [52.5115, 13.456], [52.5065, 13.4585], [1, 45]),
  s("Boxhagener Straße", "10245", [52.5125, 13.4605], [52.509, 13.475], [1, 120]),
  s("Weserstraße", "12047", [52.4915, 13.43], [52.48, 13.448], [1, 215]),
  s("Hermannstraße", "12049", [52.4865, 13.4245], [52.456, 13.431], [1, 260]),
  s("Potsdamer Straße", "10785", [52.509, 13.376], [52.493, 13.3585], [1, 200]),
  s("Müllerstraße", "13353", [52.5465, 13.3595], [52.553, 13.349], [1, 190]),
  s("Karl-Liebknecht-Straße", "10178", [52.5185, 13.4015], [52.5245, 13.4125], [1, 33]),
  s("Skalitzer Straße", "10997", [52.4992, 13.4185], [52.501, 13.443], [1, 140]),
  s("Wiener Straße", "10999", [52.4995, 13.426], [52.4965, 13.443], [1, 70]),
];

export interface StreetHit extends LatLng {
  street: Street;
  number: number | null;
  /** "Torstraße 12" */
  line1: string;
  /** "Torstraße 12, 10119 Berlin" */
  label: string;
}

function along(st: Street, number: number): LatLng {
  const [lo, hi] = st.numbers;
  const t = hi === lo ? 0 : (Math.min(hi, Math.max(lo, number)) - lo) / (hi - lo);
  return { lat: st.from.lat + (st.to.lat - st.from.lat) * t, lng: st.from.lng + (st.to.lng - st.from.lng) * t };
}

function hit(st: Street, number: number | null): StreetHit {
  const point = number === null ? along(st, Math.round((st.numbers[0] + st.numbers[1]) / 2)) : along(st, number);
  const line1 = number === null ? st.name : `${st.name} ${number}`;
  return { ...point, street: st, number, line1, label: `${line1}, ${st.postcode} Berlin` };
}

/** "str." and "strasse" are "straße"; accents and case do not matter. */
function key(text: string): string {
  return normalize(text)
    .replace(/str\.?(?=\s|$)/g, "strasse")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Streets matching what was typed: "Torstraße 12", "torstr 12", "Torstrasse", or a postcode
 * ("10119") for the streets there. A house number outside a street's range is not invented.
 */
export function searchStreets(text: string, limit = 6): StreetHit[] {
  const postcode = text.trim().match(/^\d{5}$/)?.[0];
  if (postcode)
    return STREETS.filter((st) => st.postcode === postcode)
      .map((st) => hit(st, null))
      .slice(0, limit);
  const m = text.trim().match(/^(.*?)[\s,]+(\d{1,4})\s*[a-zA-Z]?$/);
  const name = key(m ? m[1] : text);
  const number = m ? Number(m[2]) : null;
  if (name.length < 3) return [];
  return STREETS.filter((st) => key(st.name).startsWith(name) || key(st.name).includes(` ${name}`))
    .filter((st) => number === null || (number >= st.numbers[0] && number <= st.numbers[1]))
    .map((st) => hit(st, number))
    .slice(0, limit);
}

function nearestOnSegment(p: LatLng, st: Street): { point: LatLng; t: number } {
  const k = Math.cos((p.lat * Math.PI) / 180);
  const ax = st.from.lng * k,
    ay = st.from.lat,
    bx = st.to.lng * k,
    by = st.to.lat;
  const px = p.lng * k,
    py = p.lat;
  const len = (bx - ax) ** 2 + (by - ay) ** 2;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / len));
  return { point: { lat: ay + (by - ay) * t, lng: (ax + (bx - ax) * t) / k }, t };
}

/** The street and house number at a point, when a street of the index is within `withinM`. */
export function streetAt(p: LatLng, withinM = 120): StreetHit | null {
  let best: { st: Street; t: number; d: number } | null = null;
  for (const st of STREETS) {
    const { point, t } = nearestOnSegment(p, st);
    const d = distanceM(p, point);
    if (d <= withinM && (!best || d < best.d)) best = { st, t, d };
  }
  if (!best) return null;
  const [lo, hi] = best.st.numbers;
  return { ...hit(best.st, Math.round(lo + (hi - lo) * best.t)), lat: p.lat, lng: p.lng };
}
