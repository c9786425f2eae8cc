// Turning words into coordinates, behind one small interface. The emulators have no geocoding
// service, so the built-in one matches the city's neighbourhoods; a real one (Places, Nominatim…)
// plugs in by implementing Geocoder.

import { CITY, NEIGHBOURHOODS, distanceM, type LatLng, type Neighbourhood } from "@domain";

export interface Place extends LatLng {
  label: string;
}

export interface Geocoder {
  search(text: string): Promise<Place[]>;
  /** A human name for a point, for addresses picked on the map. */
  describe(point: LatLng): Promise<string>;
}

export function nearestNeighbourhood(point: LatLng): Neighbourhood {
  return NEIGHBOURHOODS.reduce((best, n) => (distanceM(point, n) < distanceM(point, best) ? n : best));
}

export const neighbourhoodGeocoder: Geocoder = {
  async search(text) {
    const q = text.trim().toLowerCase();
    return NEIGHBOURHOODS.filter((n) => n.name.toLowerCase().includes(q)).map((n) => ({
      label: `${n.name}, ${CITY.name}`,
      lat: n.lat,
      lng: n.lng,
    }));
  },
  async describe(point) {
    return nearestNeighbourhood(point).name;
  },
};

export const geocoder: Geocoder = neighbourhoodGeocoder;
