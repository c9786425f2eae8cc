// Turning words into coordinates, behind one small interface. The emulators have no geocoding
// service, so the built-in one knows the seed city's streets (streets.ts) and neighbourhoods; a
// real one (Places, Nominatim…) plugs in by implementing Geocoder.

import { CITY, NEIGHBOURHOODS, distanceM, type LatLng, type Neighbourhood } from "@domain";
import { searchStreets, streetAt } from "./streets";

export interface Place extends LatLng {
  label: string;
  /** The street and number, when the place is an address rather than an area. */
  line1?: string;
}

export interface Geocoder {
  search(text: string): Promise<Place[]>;
  /** The street and number at a point, or null when there is none near it. */
  describe(point: LatLng): Promise<string | null>;
}

export function nearestNeighbourhood(point: LatLng): Neighbourhood {
  return NEIGHBOURHOODS.reduce((best, n) => (distanceM(point, n) < distanceM(point, best) ? n : best));
}

export const builtInGeocoder: Geocoder = {
  async search(text) {
    const streets = searchStreets(text).map((h) => ({ lat: h.lat, lng: h.lng, label: h.label, line1: h.line1 }));
    const q = text.trim().toLowerCase();
    const hoods = NEIGHBOURHOODS.filter((n) => n.name.toLowerCase().includes(q)).map((n) => ({
      label: `${n.name}, ${CITY.name}`,
      lat: n.lat,
      lng: n.lng,
    }));
    return [...streets, ...hoods];
  },
  async describe(point) {
    return streetAt(point)?.line1 ?? null;
  },
};

export const geocoder: Geocoder = builtInGeocoder;
