// Where a courier looks for pickups: the cell of the map they are in (domain/courierArea.ts), from
// their position while the browser shares it, else the neighbourhood they choose, else where they
// were last. The cell is stored when it changes, so that their devices' push topics follow them.

import { useEffect, useState } from "preact/hooks";
import { areaCell, NEIGHBOURHOODS, type LatLng } from "@domain";
import { setCourierArea, useCourierArea } from "../../data/courierArea";
import { t } from "../../i18n";

export type AreaSource = "position" | "chosen" | "last" | null;

export function useCourierCell(uid: string, pos: LatLng | null, chosen: string) {
  const stored = useCourierArea(uid);
  const place = NEIGHBOURHOODS.find((n) => n.name === chosen);
  const live = pos ? areaCell(pos) : place ? areaCell(place) : null;
  const last = stored.data?.cell ?? null;
  const cell = live ?? last;
  const source: AreaSource = pos ? "position" : place ? "chosen" : last ? "last" : null;
  const known = stored.data !== undefined;
  const [error, setError] = useState("");
  useEffect(() => {
    // Written only once the stored cell is known, and only when it changes.
    if (!live || !known || live === last) return;
    setCourierArea(uid, live).then(
      () => setError(""),
      () => setError(t("cour.areaFailed")),
    );
  }, [uid, live, last, known]);
  return { cell, source, error };
}

/** What the list shows and, without a position, where the courier can say they are. */
export function AreaLine({
  source,
  chosen,
  choose,
  error,
}: {
  source: AreaSource;
  chosen: string;
  choose: (name: string) => void;
  error: string;
}) {
  return (
    <div class="courier-area" data-testid="courier-area" data-source={source ?? "none"}>
      <p>
        {source === "position"
          ? t("cour.areaHere")
          : source === "chosen"
            ? t("cour.areaChosen", { place: chosen })
            : source === "last"
              ? t("cour.areaLast")
              : t("cour.areaUnknown")}
      </p>
      {source !== "position" && (
        <label>
          {t("cour.areaChoose")}
          <select value={chosen} onChange={(e) => choose((e.target as HTMLSelectElement).value)}>
            <option value="">{t("fees.choose")}</option>
            {NEIGHBOURHOODS.map((n) => (
              <option key={n.name} value={n.name}>
                {n.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {error && <p class="error">{error}</p>}
    </div>
  );
}
