// Restaurant settings: the open switch, hours, and the numbers the backend prices and checks with.

import { useState } from "preact/hooks";
import {
  centsToInput,
  hoursProblem,
  isPhotoUrl,
  LIMITS,
  PHOTO_RULE,
  parseCents,
  WEEKDAYS,
  type OpeningHours,
  type Restaurant,
  type Weekday,
} from "@domain";
import { updateRestaurant } from "../../data/restaurants";
import { useDashboard } from "./context";
import { errorText } from "../../components/format";
import { ErrorNote, Loading, Outcome } from "../../components/States";

interface Form {
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
    prepTimeMin: String(r.prepTimeMin),
    deliveryRadiusKm: String(r.deliveryRadiusM / 1000),
    deliveryFee: centsToInput(r.deliveryFee),
    legalName: r.legalName ?? "",
    imageUrl: r.imageUrl ?? "",
    minOrder: centsToInput(r.minOrder),
    hours: Object.fromEntries(WEEKDAYS.map((d) => [d, (r.openingHours[d] ?? "").replace(/,/g, ", ")])) as Form["hours"],
  };
}

/** The settings to write, or what is wrong, using the same bounds as the rules. */
function check(f: Form): { patch: Partial<Restaurant> } | { problem: string } {
  const prep = Number(f.prepTimeMin);
  if (!Number.isInteger(prep) || prep < 1 || prep > LIMITS.maxPrepTimeMin)
    return { problem: `Preparation time is 1 to ${LIMITS.maxPrepTimeMin} minutes.` };
  const radius = Math.round(Number(f.deliveryRadiusKm) * 1000);
  if (!Number.isFinite(radius) || radius < 100 || radius > LIMITS.maxDeliveryRadiusM)
    return { problem: `Delivery radius is 0.1 to ${LIMITS.maxDeliveryRadiusM / 1000} km.` };
  const deliveryFee = parseCents(f.deliveryFee);
  const minOrder = parseCents(f.minOrder);
  if (deliveryFee === null || minOrder === null) return { problem: "Fees and minimum are amounts, for example 2.49." };
  const legalName = f.legalName.trim();
  if (legalName.length > LIMITS.maxLegalNameLength)
    return { problem: `The legal name is at most ${LIMITS.maxLegalNameLength} characters.` };
  const imageUrl = f.imageUrl.trim();
  if (imageUrl && !isPhotoUrl(imageUrl)) return { problem: PHOTO_RULE };
  const openingHours: OpeningHours = {};
  for (const d of WEEKDAYS) {
    const text = f.hours[d].replace(/\s+/g, "");
    if (text) openingHours[d] = text;
  }
  const hours = hoursProblem(openingHours);
  if (hours) return { problem: hours };
  return {
    patch: {
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
  if (r.error) return <ErrorNote error={r.error} />;
  if (!r.data || !form) return <Loading what="settings" />;
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
  const field = (key: keyof Omit<Form, "hours">, label: string, hint?: string) => (
    <label>
      {label}
      <input
        value={form[key]}
        inputMode={key === "legalName" ? "text" : "decimal"}
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
          onChange={() =>
            write({ isOpen: !r.data!.isOpen }, r.data!.isOpen ? "Closed for orders." : "Open for orders.")
          }
        />
        <span>{r.data.isOpen ? "Taking orders" : "Not taking orders"}</span>
      </label>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if ("patch" in checked) void write(checked.patch, "Settings saved.");
        }}
      >
        <div class="grid3">
          {field("prepTimeMin", "Preparation time (min)")}
          {field("deliveryRadiusKm", "Delivery radius (km)")}
          {field("deliveryFee", "Delivery fee (€)")}
          {field("legalName", "Legal name (on receipts)")}
          {field("minOrder", "Minimum order (€)")}
          {field("imageUrl", "Photo address (optional)")}
        </div>
        <fieldset>
          <legend>Opening hours ({r.data.timeZone})</legend>
          <p class="hint">Like 11:30-14:30, 17:00-22:00 (up to four a day). Leave a day empty when closed.</p>
          {WEEKDAYS.map((d) => (
            <label key={d} class="hours-row">
              <span class="day">{d}</span>
              <input
                value={form.hours[d]}
                placeholder="closed"
                onInput={(e) =>
                  setForm({ ...form, hours: { ...form.hours, [d]: (e.target as HTMLInputElement).value } })
                }
              />
            </label>
          ))}
        </fieldset>
        {"problem" in checked && <p class="hint">{checked.problem}</p>}
        <button type="submit" disabled={"problem" in checked}>
          Save settings
        </button>
      </form>
      <Outcome message={message} error={error} />
    </section>
  );
}
