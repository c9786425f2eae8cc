// A tile map (MapLibre GL) for deployments with a tile service: loaded only when one is configured
// (tiles.ts), in a chunk of its own, and never precached (tiles need the network anyway). It shows
// the same markers and route as the street drawing, follows a marker when asked, and reports a
// failure so that its caller falls back to the drawing.

import { useEffect, useRef } from "preact/hooks";
import { LngLatBounds, Map as MapLibre, Marker as Pin, setWorkerUrl } from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import type { LatLng } from "@domain";
import type { Marker } from "../CityMap";
import { ICON } from "../CityMap";
import { tileStyle } from "./tiles";

setWorkerUrl(workerUrl);

const lngLat = (p: LatLng): [number, number] => [p.lng, p.lat];

export default function TileMap({
  markers,
  label,
  route,
  follow,
  onFail,
}: {
  markers: Marker[];
  label: string;
  route?: boolean;
  follow?: Marker["kind"];
  onFail: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibre | null>(null);
  const pins = useRef(new Map<string, Pin>());
  const framed = useRef(false);
  const fail = useRef(onFail);
  fail.current = onFail;

  useEffect(() => {
    const m = new MapLibre({ container: box.current!, style: tileStyle(), attributionControl: { compact: true } });
    m.on("error", (e) => {
      console.error("tile map failed", e.error);
      fail.current();
    });
    m.on("load", () => {
      m.addSource("route", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
      m.addLayer({
        id: "route",
        type: "line",
        source: "route",
        paint: { "line-color": "#c2410c", "line-width": 3, "line-dasharray": [2, 2] },
      });
    });
    map.current = m;
    return () => m.remove();
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const seen = new Set<string>();
    for (const k of markers) {
      const key = `${k.kind}-${k.label}`;
      seen.add(key);
      let pin = pins.current.get(key);
      if (!pin) {
        const el = document.createElement("div");
        el.className = `tile-marker ${k.kind}`;
        el.textContent = ICON[k.kind];
        el.title = k.label;
        pin = new Pin({ element: el }).setLngLat(lngLat(k)).addTo(m);
        pins.current.set(key, pin);
      } else pin.setLngLat(lngLat(k));
    }
    for (const [key, pin] of pins.current) {
      if (seen.has(key)) continue;
      pin.remove();
      pins.current.delete(key);
    }
    const line = {
      type: "Feature" as const,
      properties: {},
      geometry: { type: "LineString" as const, coordinates: markers.map(lngLat) },
    };
    const draw = () =>
      (m.getSource("route") as { setData?: (d: unknown) => void } | undefined)?.setData?.(
        route ? line : { type: "FeatureCollection", features: [] },
      );
    if (m.loaded()) draw();
    else m.once("load", draw);
    // Everything in view at first; then the chosen marker (the courier) stays in the middle.
    const lead = follow && markers.find((k) => k.kind === follow);
    if (lead && framed.current) m.easeTo({ center: lngLat(lead), duration: 800 });
    else if (markers.length > 1) {
      const bounds = markers.reduce(
        (b, k) => b.extend(lngLat(k)),
        new LngLatBounds(lngLat(markers[0]), lngLat(markers[0])),
      );
      m.fitBounds(bounds, { padding: 40, maxZoom: 16, duration: 0 });
      framed.current = true;
    } else if (markers[0]) m.jumpTo({ center: lngLat(markers[0]), zoom: 15 });
  }, [markers, route, follow]);

  return <div ref={box} class="tile-map" role="img" aria-label={label} />;
}
