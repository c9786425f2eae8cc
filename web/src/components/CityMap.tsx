// A map of the city drawn as SVG from coordinates alone: no tile server, works offline.

import { CITY, NEIGHBOURHOODS, type LatLng } from "@domain";

export interface Marker extends LatLng {
  kind: "restaurant" | "courier" | "destination" | "picked";
  label: string;
}

const W = 600;
const H = 420;
const { north, south, west, east } = CITY.bounds;

export function project(p: LatLng): { x: number; y: number } {
  return { x: ((p.lng - west) / (east - west)) * W, y: ((north - p.lat) / (north - south)) * H };
}

function unproject(x: number, y: number): LatLng {
  return { lat: north - (y / H) * (north - south), lng: west + (x / W) * (east - west) };
}

const ICON: Record<Marker["kind"], string> = { restaurant: "R", courier: "C", destination: "D", picked: "•" };

export function CityMap({ markers = [], onPick, label, route }: {
  markers?: Marker[];
  onPick?: (p: LatLng) => void;
  label: string;
  route?: boolean;
}) {
  const pick = (e: MouseEvent) => {
    if (!onPick) return;
    const svg = e.currentTarget as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    onPick(unproject(((e.clientX - box.left) / box.width) * W, ((e.clientY - box.top) / box.height) * H));
  };
  const points = markers.map((m) => ({ ...m, ...project(m) }));
  return (
    <svg class={`city-map${onPick ? " pickable" : ""}`} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} onClick={pick}>
      <rect width={W} height={H} class="land" />
      {/* The Spree, roughly, west to east through the centre. */}
      <path class="river" d={`M0 ${H * 0.45} C ${W * 0.25} ${H * 0.5}, ${W * 0.4} ${H * 0.38}, ${W * 0.55} ${H * 0.47} S ${W * 0.8} ${H * 0.62}, ${W} ${H * 0.7}`} />
      {NEIGHBOURHOODS.map((n) => {
        const p = project(n);
        return <text key={n.name} x={p.x} y={p.y} class="hood">{n.name}</text>;
      })}
      {route && points.length >= 2 && (
        <polyline class="route" points={points.map((p) => `${p.x},${p.y}`).join(" ")} />
      )}
      {points.map((p) => (
        <g key={`${p.kind}-${p.label}`} class={`marker ${p.kind}`} transform={`translate(${p.x} ${p.y})`}>
          <circle r="14" />
          <text y="5" text-anchor="middle">{ICON[p.kind]}</text>
          <title>{p.label}</title>
        </g>
      ))}
    </svg>
  );
}
