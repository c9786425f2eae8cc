// A map of the city drawn as SVG from coordinates alone: no tile server, works offline.

import { CITY, NEIGHBOURHOODS, type LatLng } from "@domain";

export interface Marker extends LatLng {
  kind: "restaurant" | "courier" | "destination" | "picked";
  label: string;
}

const W = 600;
const H = 420;

type Bounds = typeof CITY.bounds;

/** The smallest box around the points, padded, at least ~700 m tall, in the map's aspect ratio. */
export function fitBounds(points: LatLng[], pad = 0.3): Bounds {
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
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

const ICON: Record<Marker["kind"], string> = { restaurant: "R", courier: "C", destination: "D", picked: "•" };

/** The whole city, or with `fit` the area around the markers (a delivery is a few km). */
export function CityMap({
  markers = [],
  onPick,
  label,
  route,
  fit,
  streets = [],
}: {
  markers?: Marker[];
  onPick?: (p: LatLng) => void;
  label: string;
  route?: boolean;
  fit?: boolean;
  /** Streets to draw under the markers (the address picker shows the ones it knows). */
  streets?: { name: string; from: LatLng; to: LatLng }[];
}) {
  const zoomed = fit && markers.length >= 2;
  const { project, unproject, contains } = projector(zoomed ? fitBounds(markers) : CITY.bounds);
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
