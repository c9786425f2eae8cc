// A map of the city drawn as SVG from what the app knows: the street index's streets (named when
// zoomed in), the neighbourhoods and the river. No tile server: it works offline, and it is what
// every map shows where no tile service is configured (map/tiles.ts).

import { CITY, NEIGHBOURHOODS, type LatLng } from "@domain";
import { STREETS } from "../geo/streets";

export interface Marker extends LatLng {
  kind: "restaurant" | "courier" | "destination" | "picked";
  label: string;
}

const W = 600;
const H = 420;

type Bounds = typeof CITY.bounds;

/** The smallest box around the points, padded, at least ~700 m tall, in the map's aspect ratio;
 * with `center`, the box around it that holds the points. */
export function fitBounds(points: LatLng[], pad = 0.3, center?: LatLng): Bounds {
  const all = center
    ? [...points, center, ...points.map((p) => ({ lat: 2 * center.lat - p.lat, lng: 2 * center.lng - p.lng }))]
    : points;
  const lats = all.map((p) => p.lat);
  const lngs = all.map((p) => p.lng);
  const cy = (Math.max(...lats) + Math.min(...lats)) / 2;
  const cx = (Math.max(...lngs) + Math.min(...lngs)) / 2;
  const k = Math.cos((cy * Math.PI) / 180); // a degree of longitude is k degrees of latitude long
  let h = Math.max(Math.max(...lats) - Math.min(...lats), 0.006) * (1 + 2 * pad);
  let w = Math.max(Math.max(...lngs) - Math.min(...lngs), 0.006 / k) * (1 + 2 * pad);
  if ((w * k) / h < W / H) w = (h * (W / H)) / k;
  else h = (w * k) / (W / H);
  return { north: cy + h / 2, south: cy - h / 2, west: cx - w / 2, east: cx + w / 2 };
}

function projector({ north, south, west, east }: Bounds) {
  return {
    project: (p: LatLng) => ({ x: ((p.lng - west) / (east - west)) * W, y: ((north - p.lat) / (north - south)) * H }),
    unproject: (x: number, y: number): LatLng => ({
      lat: north - (y / H) * (north - south),
      lng: west + (x / W) * (east - west),
    }),
    contains: (p: LatLng) => p.lat <= north && p.lat >= south && p.lng >= west && p.lng <= east,
  };
}

/** Drawn last, so on top. */
const LAYER: Record<Marker["kind"], number> = { restaurant: 0, destination: 1, picked: 2, courier: 3 };

export const ICON: Record<Marker["kind"], string> = { restaurant: "R", courier: "C", destination: "D", picked: "•" };

/** The whole city, or with `fit` the area around the markers (a delivery is a few km); with
 * `follow`, that area centred on one marker (the courier), so the map moves with it. */
export function CityMap({
  markers = [],
  onPick,
  label,
  route,
  fit,
  follow,
  streets = STREETS,
}: {
  markers?: Marker[];
  onPick?: (p: LatLng) => void;
  label: string;
  route?: boolean;
  fit?: boolean;
  follow?: Marker["kind"];
  /** Streets to draw under the markers. */
  streets?: { name: string; from: LatLng; to: LatLng }[];
}) {
  const zoomed = fit && markers.length >= 2;
  const lead = follow ? markers.find((m) => m.kind === follow) : undefined;
  const { project, unproject, contains } = projector(zoomed ? fitBounds(markers, 0.3, lead) : CITY.bounds);
  const pick = (e: MouseEvent) => {
    if (!onPick) return;
    const svg = e.currentTarget as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    onPick(unproject(((e.clientX - box.left) / box.width) * W, ((e.clientY - box.top) / box.height) * H));
  };
  const points = markers.map((m) => ({ ...m, ...project(m) }));
  const drawn = [...points].sort((a, b) => LAYER[a.kind] - LAYER[b.kind]);
  return (
    <svg
      class={`city-map${onPick ? " pickable" : ""}`}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={label}
      onClick={pick}
    >
      <rect width={W} height={H} class="land" />
      {/* The Spree, roughly, west to east through the centre (city view only). */}
      {!zoomed && (
        <path
          class="river"
          d={`M0 ${H * 0.45} C ${W * 0.25} ${H * 0.5}, ${W * 0.4} ${H * 0.38}, ${W * 0.55} ${H * 0.47} S ${W * 0.8} ${H * 0.62}, ${W} ${H * 0.7}`}
        />
      )}
      {streets.map((st) => {
        const a = project(st.from);
        const b = project(st.to);
        return (
          <line key={st.name} class="street" x1={a.x} y1={a.y} x2={b.x} y2={b.y}>
            <title>{st.name}</title>
          </line>
        );
      })}
      {/* Zoomed in, the streets say their names, along them, where they cross the view. */}
      {zoomed &&
        streets.map((st) => {
          const mid = visibleMiddle(project(st.from), project(st.to));
          if (!mid) return null;
          return (
            <text
              key={`name-${st.name}`}
              class="street-name"
              x={mid.x}
              y={mid.y}
              transform={`rotate(${mid.angle} ${mid.x} ${mid.y})`}
            >
              {st.name}
            </text>
          );
        })}
      {NEIGHBOURHOODS.filter(contains).map((n) => {
        const p = project(n);
        return (
          <text key={n.name} x={p.x} y={p.y} class="hood">
            {n.name}
          </text>
        );
      })}
      {route && points.length >= 2 && <polyline class="route" points={points.map((p) => `${p.x},${p.y}`).join(" ")} />}
      {drawn.map((p) => (
        <g key={`${p.kind}-${p.label}`} class={`marker ${p.kind}`} transform={`translate(${p.x} ${p.y})`}>
          <circle r="14" />
          <text y="5" text-anchor="middle">
            {ICON[p.kind]}
          </text>
          <title>{p.label}</title>
        </g>
      ))}
    </svg>
  );
}

/** The middle of the part of segment a–b inside the map, and its angle kept upright; null when
 * too little of it is in view to name. */
function visibleMiddle(a: { x: number; y: number }, b: { x: number; y: number }) {
  let t0 = 0;
  let t1 = 1;
  // Clip the segment to the view (Liang–Barsky).
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const [p, q] of [
    [-dx, a.x],
    [dx, W - a.x],
    [-dy, a.y],
    [dy, H - a.y],
  ]) {
    if (p === 0) {
      if (q < 0) return null;
    } else if (p < 0) t0 = Math.max(t0, q / p);
    else t1 = Math.min(t1, q / p);
  }
  if (t1 - t0 <= 0 || Math.hypot(dx, dy) * (t1 - t0) < 120) return null;
  const t = (t0 + t1) / 2;
  let angle = (Math.atan2(dy, dx) * 180) / Math.PI;
  if (angle > 90) angle -= 180;
  if (angle < -90) angle += 180;
  return { x: a.x + dx * t, y: a.y + dy * t, angle };
}
