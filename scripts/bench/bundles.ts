// The web app's JS and CSS by screen, gzipped, from Vite's manifest: a screen's entry and the
// chunks it imports statically (what the browser must load before it can run it). Chunks loaded
// later (the full Firestore SDK after the first paint, Auth once the list has painted) are not in
// these figures; the first screen's load in the browser (cityScale.ts) says what it really fetched.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "../lib/config";

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

export interface Bytes {
  jsGzip: number;
  cssGzip: number;
  files: number;
}

export interface Bundles {
  firstScreen: Bytes;
  restaurantPage: Bytes;
  dashboard: Bytes;
}

const DIST = join(ROOT, "web", "dist");

export const gzipped = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;

export function bundles(): Bundles {
  const manifest = JSON.parse(readFileSync(join(DIST, ".vite", "manifest.json"), "utf8")) as Record<
    string,
    ManifestChunk
  >;
  const closure = (keys: string[]) => {
    const seen = new Set<string>();
    const visit = (k: string) => {
      if (seen.has(k) || !manifest[k]) return;
      seen.add(k);
      for (const i of manifest[k].imports ?? []) visit(i);
    };
    keys.forEach(visit);
    return [...seen].map((k) => manifest[k]);
  };
  const bytes = (keys: string[]): Bytes => {
    const chunks = closure(keys);
    const js = new Set(chunks.map((c) => c.file));
    const css = new Set(chunks.flatMap((c) => c.css ?? []));
    return {
      jsGzip: [...js].reduce((n, f) => n + gzipped(f), 0),
      cssGzip: [...css].reduce((n, f) => n + gzipped(f), 0),
      files: js.size,
    };
  };
  const key = (suffix: string) => {
    const k = Object.keys(manifest).find((m) => m.endsWith(suffix));
    if (!k) throw new Error(`bench: no ${suffix} in Vite's manifest`);
    return k;
  };
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)!;
  return {
    firstScreen: bytes([entry]),
    restaurantPage: bytes([entry, key("pages/RestaurantPage.tsx")]),
    dashboard: bytes([entry, key("pages/dashboard/Dashboard.tsx")]),
  };
}
