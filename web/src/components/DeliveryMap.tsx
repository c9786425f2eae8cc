// A delivery's map: a tile map where the deployment has a tile service (map/tiles.ts), which falls
// back to the street drawing when it fails; else the street drawing, which works offline. Below
// it, links that open the place in the phone's own map app.

import { useCallback, useState } from "preact/hooks";
import { lazy } from "preact-iso";
import type { LatLng } from "@domain";
import { placeLinks, routeLinks } from "../geo/links";
import { t } from "../i18n";
import { CityMap, type Marker } from "./CityMap";
import { TILE_URL } from "./map/tiles";

const TileMap = lazy(() => import("./map/TileMap"));

export function DeliveryMap({
  markers,
  label,
  follow,
  open,
}: {
  markers: Marker[];
  label: string;
  /** The marker the map keeps in its middle as it moves (the courier). */
  follow?: Marker["kind"];
  /** The place the "Open in Maps" links show (`label` names its pin there); with `route`, the way
   * there; `say` words the sentence where "Open {label} in" would not read well. */
  open: { place: LatLng; label: string; route?: boolean; say?: string };
}) {
  const [failed, setFailed] = useState(false);
  const onFail = useCallback(() => setFailed(true), []);
  const links = open.route ? routeLinks(open.place, open.label) : placeLinks(open.place, open.label);
  return (
    <div class="delivery-map">
      {TILE_URL && !failed ? (
        <TileMap markers={markers} label={label} route follow={follow} onFail={onFail} />
      ) : (
        <CityMap markers={markers} label={label} route fit follow={follow} />
      )}
      <p class="maps-links" data-testid="maps-links">
        {open.say ?? t(open.route ? "map.routeTo" : "map.openIn", { place: open.label })}{" "}
        <a href={links.geo}>{t("map.app")}</a> ·{" "}
        <a href={links.google} target="_blank" rel="noopener noreferrer">
          Google Maps
        </a>{" "}
        ·{" "}
        <a href={links.apple} target="_blank" rel="noopener noreferrer">
          Apple Maps
        </a>
      </p>
    </div>
  );
}
