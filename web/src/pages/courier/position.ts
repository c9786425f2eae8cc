// The courier's position from the browser, and how often it is shared while delivering:
// often enough for a live map, rarely enough not to cost a write every second.

import { useEffect, useState } from "preact/hooks";
import { distanceM, POSITION_EVERY_MS, type LatLng } from "@domain";
import { t } from "../../i18n";

// The capacity model counts the courier's position writes with the same figure (domain/capacity.ts).
export const SHARE_MIN_INTERVAL_MS = POSITION_EVERY_MS;
export const SHARE_MAX_INTERVAL_MS = 30_000;
export const SHARE_MIN_MOVE_M = 25;

export type PositionState = { pos: LatLng | null; error: string };

export function usePosition(): PositionState {
  const [state, setState] = useState<PositionState>({ pos: null, error: "" });
  useEffect(() => {
    if (!("geolocation" in navigator)) {
      setState({ pos: null, error: t("pos.unsupported") });
      return;
    }
    const id = navigator.geolocation.watchPosition(
      (p) => setState({ pos: { lat: p.coords.latitude, lng: p.coords.longitude }, error: "" }),
      (e) =>
        setState((s) => ({
          ...s,
          error: e.code === e.PERMISSION_DENIED ? t("pos.blocked") : t("pos.unknown"),
        })),
      { enableHighAccuracy: true, maximumAge: 5_000 },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, []);
  return state;
}

/** Whether a new position is worth writing, given the last one written and when. */
export function shouldShare(last: { pos: LatLng; at: number } | null, pos: LatLng, now: number): boolean {
  if (!last) return true;
  const elapsed = now - last.at;
  if (elapsed < SHARE_MIN_INTERVAL_MS) return false;
  return elapsed >= SHARE_MAX_INTERVAL_MS || distanceM(last.pos, pos) >= SHARE_MIN_MOVE_M;
}
