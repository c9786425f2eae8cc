// The city this deployment serves: its time zone, the box the map draws and the
// neighbourhoods a customer can pick an address from when there is no geocoding service.

import type { LatLng } from "./geo";

export interface Neighbourhood extends LatLng {
  name: string;
}

export const CITY = {
  name: "Berlin",
  timeZone: "Europe/Berlin",
  currency: "EUR",
  center: { lat: 52.515, lng: 13.39 },
  /** The map's bounding box. */
  bounds: { north: 52.575, south: 52.455, west: 13.27, east: 13.5 },
  /** Its postcodes: any other is somewhere Dishpatch does not deliver yet. */
  postcodes: { from: 10115, to: 14199 },
};

/** Places people may type that are not the served city, for saying so rather than nothing. A real
 * geocoder knows them all; the built-in one knows these and that other postcodes are elsewhere. */
export const OTHER_CITIES = [
  "Hamburg",
  "München",
  "Munich",
  "Köln",
  "Cologne",
  "Frankfurt",
  "Stuttgart",
  "Düsseldorf",
  "Leipzig",
  "Dortmund",
  "Essen",
  "Bremen",
  "Dresden",
  "Hannover",
  "Nürnberg",
  "Potsdam",
  "Wien",
  "Vienna",
  "Zürich",
];

export const NEIGHBOURHOODS: Neighbourhood[] = [
  { name: "Mitte", lat: 52.5219, lng: 13.4016 },
  { name: "Prenzlauer Berg", lat: 52.5388, lng: 13.4244 },
  { name: "Kreuzberg", lat: 52.4986, lng: 13.4033 },
  { name: "Friedrichshain", lat: 52.5156, lng: 13.4544 },
  { name: "Neukölln", lat: 52.4811, lng: 13.4352 },
  { name: "Schöneberg", lat: 52.4862, lng: 13.355 },
  { name: "Charlottenburg", lat: 52.5166, lng: 13.3041 },
  { name: "Wedding", lat: 52.55, lng: 13.359 },
  { name: "Tiergarten", lat: 52.5145, lng: 13.35 },
  { name: "Moabit", lat: 52.5306, lng: 13.3421 },
];
