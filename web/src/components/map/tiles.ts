// Where map tiles come from, when a deployment has them: VITE_MAP_TILE_URL is a raster tile
// template ("https://tile.example/{z}/{x}/{y}.png") or a MapLibre style (".json"), with its
// attribution in VITE_MAP_ATTRIBUTION. Without one, maps are drawn from the street index, offline.

import type { StyleSpecification } from "maplibre-gl";

export const TILE_URL = import.meta.env.VITE_MAP_TILE_URL ?? "";
const ATTRIBUTION = import.meta.env.VITE_MAP_ATTRIBUTION ?? "";

/** The style MapLibre draws: the configured one, or one raster layer from the tile template. */
export function tileStyle(url = TILE_URL, attribution = ATTRIBUTION): string | StyleSpecification {
  if (/\.json(\?|$)/.test(url)) return url;
  return {
    version: 8,
    sources: { tiles: { type: "raster", tiles: [url], tileSize: 256, attribution, maxzoom: 19 } },
    layers: [{ id: "tiles", type: "raster", source: "tiles" }],
  };
}
