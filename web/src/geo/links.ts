// "Open in Maps": a place as the phone's own map app takes it. A geo: URI opens whatever map app
// the phone has (Android's chooser); Google Maps and Apple Maps links work everywhere else.

/** A point; the same shape as the domain's LatLng (this module is plain enough for unit tests). */
type LatLng = { lat: number; lng: number };

export interface MapsLinks {
  geo: string;
  google: string;
  apple: string;
}

const at = (p: LatLng) => `${p.lat.toFixed(6)},${p.lng.toFixed(6)}`;

/** Links that show `place`, labelled, in a map app. */
export function placeLinks(place: LatLng, label: string): MapsLinks {
  const q = encodeURIComponent(label);
  return {
    geo: `geo:${at(place)}?q=${at(place)}(${q})`,
    google: `https://www.google.com/maps/search/?api=1&query=${at(place)}`,
    apple: `https://maps.apple.com/?ll=${at(place)}&q=${q}`,
  };
}

/** Links that plan the way to `place` by bike (Apple Maps has no bike mode: it chooses). */
export function routeLinks(place: LatLng, label: string): MapsLinks {
  const q = encodeURIComponent(label);
  return {
    geo: `geo:${at(place)}?q=${at(place)}(${q})`,
    google: `https://www.google.com/maps/dir/?api=1&destination=${at(place)}&travelmode=bicycling`,
    apple: `https://maps.apple.com/?daddr=${at(place)}&q=${q}`,
  };
}
