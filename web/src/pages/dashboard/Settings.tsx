// Restaurant settings: the open switch, hours, and the numbers the backend prices and checks with.

import { useState } from "preact/hooks";
import {
  hoursProblem,
  isPhotoUrl,
  LIMITS,
  nameProblem,
  photoRule,
  parseCents,
  WEEKDAYS,
  type OpeningHours,
  type Restaurant,
  type Weekday,
} from "@domain";
import { updateRestaurant } from "../../data/restaurants";
import { useDashboard } from "./context";
import { amountInput, errorText } from "../../components/format";
import { ErrorNote, Loading, Outcome } from "../../components/States";
import { useLookalikes } from "../../components/useLookalikes";
import { loadLookalikes } from "../../lookalikes";
import { t, type Key } from "../../i18n";
import { problems } from "../../i18n/work";

interface Form {
  name: string;
  prepTimeMin: string;
  deliveryRadiusKm: string;
  deliveryFee: string;
  legalName: string;
  imageUrl: string;
  minOrder: string;
  /** Per day "11:30-14:30, 17:00-22:00"; empty when closed. */
  hours: Record<Weekday, string>;
}

function toForm(r: Restaurant): Form {
  return {
    name: r.name,
    prepTimeMin: String(r.prepTimeMin),
    deliveryRadiusKm: String(r.deliveryRadiusM / 1000),
    deliveryFee: amountInput(r.deliveryFee),
    legalName: r.legalName ?? "",
    imageUrl: r.imageUrl ?? "",
    minOrder: amountInput(r.minOrder),
    hours: Object.fromEntries(WEEKDAYS.map((d) => [d, (r.openingHours[d] ?? "").replace(/,/g, ", ")])) as Form["hours"],
  };
}

/** The settings to write, or what is wrong, using the same bounds as the rules. The names are
 * read by customers, pushed and printed: plain (publicText.ts), or the backend refuses orders. */
function check(f: Form): { patch: Partial<Restaurant> } | { problem: string } {
  const say = problems();
  const name = f.name.trim();
  if (!name || name.length > LIMITS.maxNameLength) return { problem: say.restaurant.name };
  const badName = nameProblem(name, say.fields.restaurantName, say);
  if (badName) return { problem: badName };
  const prep = Number(f.prepTimeMin);
  if (!Number.isInteger(prep) || prep < 1 || prep > LIMITS.maxPrepTimeMin)
    return { problem: t("set.prepProblem", { max: LIMITS.maxPrepTimeMin }) };
  const radius = Math.round(Number(f.deliveryRadiusKm) * 1000);
  if (!Number.isFinite(radius) || radius < 100 || radius > LIMITS.maxDeliveryRadiusM)
    return { problem: t("set.radiusProblem", { max: LIMITS.maxDeliveryRadiusM / 1000 }) };
  const deliveryFee = parseCents(f.deliveryFee);
  const minOrder = parseCents(f.minOrder);
  if (deliveryFee === null || minOrder === null) return { problem: t("set.amountProblem") };
  const legalName = f.legalName.trim();
  if (legalName.length > LIMITS.maxLegalNameLength)
    return { problem: say.restaurant.legalName(LIMITS.maxLegalNameLength) };
  const badLegalName = legalName && nameProblem(legalName, say.fields.legalName, say);
  if (badLegalName) return { problem: badLegalName };
  const imageUrl = f.imageUrl.trim();
  if (imageUrl && !isPhotoUrl(imageUrl)) return { problem: photoRule(say) };
  const openingHours: OpeningHours = {};
  for (const d of WEEKDAYS) {
    const text = f.hours[d].replace(/\s+/g, "");
    if (text) openingHours[d] = text;
  }
  const hours = hoursProblem(openingHours, say);
  if (hours) return { problem: hours };
  return {
    patch: {
      name,
      prepTimeMin: prep,
      deliveryRadiusM: radius,
      deliveryFee,
      minOrder,
      openingHours,
      ...(legalName ? { legalName } : {}),
      ...(imageUrl ? { imageUrl } : {}),
    },
  };
}

export function Settings() {
  const { rid, restaurant: r } = useDashboard();
  // The form follows the restaurant until the first edit; after that, live changes do not overwrite it.
  const [edited, setForm] = useState<Form | null>(null);
  const form = edited ?? (r.data ? toForm(r.data) : null);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  useLookalikes();
  if (r.error) return <ErrorNote error={r.error} />;
  if (!r.data || !form) return <Loading what={t("set.loading")} />;
  const checked = check(form);
  const write = async (patch: Partial<Restaurant>, done: string) => {
    setError("");
    setMessage("");
    try {
      await updateRestaurant(rid, patch);
      setMessage(done);
    } catch (err) {
      setError(errorText(err));
    }
  };
  const field = (key: keyof Omit<Form, "hours">, label: Key, hint?: string) => (
    <label>
      {t(label)}
      <input
        value={form[key]}
        inputMode={key === "legalName" || key === "name" ? "text" : "decimal"}
        onInput={(e) => setForm({ ...form, [key]: (e.target as HTMLInputElement).value })}
      />
      {hint && <small>{hint}</small>}
    </label>
  );
  return (
    <section class="settings stack">
      <label class="switch big">
        <input
          type="checkbox"
          checked={r.data.isOpen}
          onChange={() => write({ isOpen: !r.data!.isOpen }, r.data!.isOpen ? t("set.closedDone") : t("set.openDone"))}
        />
        <span>{r.data.isOpen ? t("rush.taking") : t("set.notTaking")}</span>
      </label>
      <form
        class="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          await loadLookalikes();
          const now = check(form);
          if ("patch" in now) void write(now.patch, t("set.saved"));
          else setError(now.problem);
        }}
      >
        <div class="grid3">
          {field("name", "set.name")}
          {field("prepTimeMin", "set.prep")}
          {field("deliveryRadiusKm", "set.radius")}
          {field("deliveryFee", "set.fee")}
          {field("legalName", "set.legalName")}
          {field("minOrder", "set.minOrder")}
          {field("imageUrl", "set.photo")}
        </div>
        <fieldset>
          <legend>{t("set.hours", { zone: r.data.timeZone })}</legend>
          <p class="hint">{t("set.hoursHint")}</p>
          {WEEKDAYS.map((d) => (
            <label key={d} class="hours-row">
              <span class="day">{problems().days[d]}</span>
              <input
                value={form.hours[d]}
                placeholder={t("set.closedPlaceholder")}
                onInput={(e) =>
                  setForm({ ...form, hours: { ...form.hours, [d]: (e.target as HTMLInputElement).value } })
                }
              />
            </label>
          ))}
        </fieldset>
        {"problem" in checked && <p class="hint">{checked.problem}</p>}
        <button type="submit" disabled={"problem" in checked}>
          {t("set.save")}
        </button>
      </form>
      <Outcome message={message} error={error} />
    </section>
  );
}
