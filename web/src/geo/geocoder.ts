// Turning words into coordinates, behind one small interface. The emulators have no geocoding
// service, so the built-in one knows the seed city's streets (streets.ts) and neighbourhoods, and
// enough of elsewhere to say so: another city's name or postcode is a place Dishpatch does not
// deliver to yet. A real one (Places, Nominatim…) plugs in by implementing Geocoder.

import { CITY, NEIGHBOURHOODS, OTHER_CITIES, distanceM, normalize, type LatLng, type Neighbourhood } from "@domain";
import { searchStreets, streetAt } from "./streets";

export interface Place extends LatLng {
  label: string;
  /** The street and number, when the place is an address rather than an area. */
  line1?: string;
}

export interface Search {
  places: Place[];
  /** What was asked for is outside the served city: its name or postcode as typed; else null. */
  elsewhere: string | null;
}

export interface Geocoder {
  search(text: string): Promise<Search>;
  /** The street and number at a point, or null when there is none near it. */
  describe(point: LatLng): Promise<string | null>;
}

export function nearestNeighbourhood(point: LatLng): Neighbourhood {
  return NEIGHBOURHOODS.reduce((best, n) => (distanceM(point, n) < distanceM(point, best) ? n : best));
}

/** The postcode or city in `text` that is not the served city's, as typed, or null. */
export function elsewhereIn(text: string): string | null {
  for (const code of text.match(/\b\d{5}\b/g) ?? []) {
    const n = Number(code);
    if (n < CITY.postcodes.from || n > CITY.postcodes.to) return code;
  }
  const words = normalize(text);
  const city = OTHER_CITIES.find((c) => new RegExp(`(^|[^\\p{L}])${normalize(c)}($|[^\\p{L}])`, "u").test(words));
  return city ?? null;
}

export const builtInGeocoder: Geocoder = {
  async search(text) {
    const elsewhere = elsewhereIn(text);
    if (elsewhere) return { places: [], elsewhere };
    const streets = searchStreets(text).map((h) => ({ lat: h.lat, lng: h.lng, label: h.label, line1: h.line1 }));
    const q = text.trim().toLowerCase();
    const hoods = NEIGHBOURHOODS.filter((n) => n.name.toLowerCase().includes(q)).map((n) => ({
      label: `${n.name}, ${CITY.name}`,
      lat: n.lat,
      lng: n.lng,
    }));
    return { places: [...streets, ...hoods], elsewhere: null };
  },
  async describe(point) {
    return streetAt(point)?.line1 ?? null;
  },
};

export const geocoder: Geocoder = builtInGeocoder;
