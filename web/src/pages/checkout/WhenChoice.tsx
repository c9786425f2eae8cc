// When to deliver: as soon as possible, or a day and then a 15-minute slot of it, inside the
// restaurant's opening hours on its clock (domain/slots.ts: the backend accepts exactly these).

import { useEffect } from "preact/hooks";
import {
  addDays,
  asapState,
  currentPrepMinutes,
  localTime,
  minutesToDoor,
  slotLabel,
  slotsByDay,
  slotsFor,
  travelMinutes,
  type Address,
  type Restaurant,
} from "@domain";
import { t } from "../../i18n";

/** "As soon as possible" or the start of a delivery slot (its time in ms). */
export type When = "asap" | number;

export function WhenChoice({
  restaurant: r,
  address,
  when,
  onChange,
}: {
  restaurant: Restaurant;
  address: Address;
  when: When;
  onChange: (w: When) => void;
}) {
  const now = new Date();
  const minutes = minutesToDoor(currentPrepMinutes(r, now), travelMinutes(r.address, address));
  const days = slotsByDay(slotsFor(r, now, minutes), r.timeZone);
  const asap = asapState(r, now).open;
  const today = localTime(now, r.timeZone).date;
  const chosen = when === "asap" ? null : localTime(new Date(when), r.timeZone).date;
  const slots = days.find((d) => d.date === chosen)?.slots ?? [];
  const dayName = (date: string) =>
    date === today ? t("co.laterToday") : date === addDays(today, 1) ? t("co.tomorrow") : date;
  return (
    <fieldset class="when">
      <legend>{t("co.when")}</legend>
      <div class="chips-row">
        {asap && (
          <label class="chip">
            <input type="radio" name="when-day" checked={when === "asap"} onChange={() => onChange("asap")} />
            {t("co.asap", { n: minutes })}
          </label>
        )}
        {days.map((d) => (
          <label key={d.date} class="chip">
            <input
              type="radio"
              name="when-day"
              checked={chosen === d.date}
              onChange={() => onChange(d.slots[0].getTime())}
            />
            {dayName(d.date)}
          </label>
        ))}
      </div>
      {chosen && (
        <label>
          {t("co.slot")}
          <select
            name="slot"
            value={String(when)}
            onChange={(e) => onChange(Number((e.target as HTMLSelectElement).value))}
          >
            {slots.map((s) => (
              <option key={s.getTime()} value={String(s.getTime())}>
                {slotLabel(s, r.timeZone)}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}

/** A restaurant that is closed or paused now offers its first slot instead. */
export function useFirstSlotWhenClosed(
  loaded: Restaurant | null | undefined,
  address: Address | null,
  when: When,
  setWhen: (w: When) => void,
) {
  useEffect(() => {
    if (!loaded || !address || when !== "asap" || asapState(loaded, new Date()).open) return;
    const now = new Date();
    const first = slotsFor(
      loaded,
      now,
      minutesToDoor(currentPrepMinutes(loaded, now), travelMinutes(loaded.address, address)),
    )[0];
    if (first) setWhen(first.getTime());
  }, [loaded, address, when, setWhen]);
}
