// Restaurant settings: the open switch, hours, and the numbers the backend prices and checks with.

import { useEffect, useState } from "preact/hooks";
import { doc, serverTimestamp, updateDoc } from "firebase/firestore";
import {
  centsToInput,
  isHhMm,
  LIMITS,
  parseCents,
  WEEKDAYS,
  type OpeningHours,
  type Restaurant,
  type Weekday,
} from "@domain";
import { db } from "../../firebase/live";
import { useLiveDoc } from "../../firebase/useLive";
import { errorText } from "../../components/format";
import { ErrorNote, Loading } from "../../components/States";

interface Form {
  prepTimeMin: string;
  deliveryRadiusKm: string;
  deliveryFee: string;
  servicePercent: string;
  minOrder: string;
  hours: Record<Weekday, { open: string; close: string; closed: boolean }>;
}

function toForm(r: Restaurant): Form {
  return {
    prepTimeMin: String(r.prepTimeMin),
    deliveryRadiusKm: String(r.deliveryRadiusM / 1000),
    deliveryFee: centsToInput(r.deliveryFee),
    servicePercent: String(r.serviceFeeBps / 100),
    minOrder: centsToInput(r.minOrder),
    hours: Object.fromEntries(
      WEEKDAYS.map((d) => {
        const first = r.openingHours[d]?.[0];
        return [d, { open: first?.open ?? "11:00", close: first?.close ?? "22:00", closed: !first }];
      }),
    ) as Form["hours"],
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
  const bps = Math.round(Number(f.servicePercent) * 100);
  if (!Number.isInteger(bps) || bps < 0 || bps > LIMITS.maxServiceFeeBps)
    return { problem: `Service fee is 0 to ${LIMITS.maxServiceFeeBps / 100} %.` };
  const openingHours: OpeningHours = {};
  for (const d of WEEKDAYS) {
    const h = f.hours[d];
    if (h.closed) continue;
    if (!isHhMm(h.open) || !isHhMm(h.close)) return { problem: `Hours on ${d} must be like 11:00 and 22:00.` };
    openingHours[d] = [{ open: h.open, close: h.close }];
  }
  return {
    patch: { prepTimeMin: prep, deliveryRadiusM: radius, deliveryFee, minOrder, serviceFeeBps: bps, openingHours },
  };
}

export function Settings({ rid }: { rid: string }) {
  const r = useLiveDoc<Restaurant>(doc(db, "restaurants", rid), rid);
  const [form, setForm] = useState<Form | null>(null);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  useEffect(() => {
    if (r.data && !form) setForm(toForm(r.data));
  }, [r.data]);
  if (r.error) return <ErrorNote error={r.error} />;
  if (!r.data || !form) return <Loading what="settings" />;
  const checked = check(form);
  const write = async (patch: Record<string, unknown>, done: string) => {
    setError("");
    setMessage("");
    try {
      await updateDoc(doc(db, "restaurants", rid), { ...patch, updatedAt: serverTimestamp() });
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
        inputMode="decimal"
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
          {field("servicePercent", "Service fee (%)")}
          {field("minOrder", "Minimum order (€)")}
        </div>
        <fieldset>
          <legend>Opening hours ({r.data.timeZone})</legend>
          {WEEKDAYS.map((d) => {
            const h = form.hours[d];
            const setH = (patch: Partial<typeof h>) =>
              setForm({ ...form, hours: { ...form.hours, [d]: { ...h, ...patch } } });
            return (
              <div key={d} class="hours-row">
                <span class="day">{d}</span>
                <label class="inline">
                  <input
                    type="checkbox"
                    checked={!h.closed}
                    onChange={(e) => setH({ closed: !(e.target as HTMLInputElement).checked })}
                  />{" "}
                  open
                </label>
                <label>
                  from
                  <input
                    value={h.open}
                    disabled={h.closed}
                    size={5}
                    onInput={(e) => setH({ open: (e.target as HTMLInputElement).value })}
                  />
                </label>
                <label>
                  to
                  <input
                    value={h.close}
                    disabled={h.closed}
                    size={5}
                    onInput={(e) => setH({ close: (e.target as HTMLInputElement).value })}
                  />
                </label>
              </div>
            );
          })}
        </fieldset>
        {"problem" in checked && <p class="hint">{checked.problem}</p>}
        <button type="submit" disabled={"problem" in checked}>
          Save settings
        </button>
      </form>
      {message && (
        <p class="ok" role="status">
          {message}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
