// The platform's terms: the service fee, the courier's share of the delivery fee, the default
// commission, and a restaurant's own commission where one was agreed.

import { useState } from "preact/hooks";
import { Outcome } from "../../components/States";
import { DEFAULT_FEES, feesProblem, LIMITS, type PlatformFees } from "@domain";
import { saveCommission, saveFees, useFees } from "../../data/money";
import type { RestaurantChoice } from "../../data/restaurants";
import { RestaurantPicker } from "./RestaurantPicker";
import { errorText } from "../../components/format";
import { t } from "../../i18n";
import { problems } from "../../i18n/work";

const percent = (bps: number) => String(bps / 100);
const bps = (text: string) => Math.round(Number(text) * 100);

export function Fees() {
  const live = useFees();
  const current = live.data ?? (live.data === null ? DEFAULT_FEES : undefined);
  const [form, setForm] = useState<Record<keyof PlatformFees, string> | null>(null);
  const shown =
    form ??
    (current && {
      serviceFeeBps: percent(current.serviceFeeBps),
      defaultCommissionBps: percent(current.defaultCommissionBps),
      courierDeliveryShareBps: percent(current.courierDeliveryShareBps),
    });
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  if (!shown) return <p>{t("list.loadingMore")}</p>;
  const fees: PlatformFees = {
    serviceFeeBps: bps(shown.serviceFeeBps),
    defaultCommissionBps: bps(shown.defaultCommissionBps),
    courierDeliveryShareBps: bps(shown.courierDeliveryShareBps),
  };
  const problem = feesProblem(fees, problems());
  const field = (key: keyof PlatformFees, label: string) => (
    <label>
      {label}
      <input
        inputMode="decimal"
        value={shown[key]}
        onInput={(e) => setForm({ ...shown, [key]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );
  return (
    <section class="stack" aria-labelledby="fees-title">
      <h2 id="fees-title">{t("adm.fees")}</h2>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          setError("");
          saveFees(fees).then(
            () => setMessage(t("fees.saved")),
            (err: unknown) => setError(errorText(err)),
          );
        }}
      >
        <div class="grid3">
          {field("serviceFeeBps", t("fees.service"))}
          {field("courierDeliveryShareBps", t("fees.courierShare"))}
          {field("defaultCommissionBps", t("fees.commission"))}
        </div>
        {problem && <p class="hint">{problem}</p>}
        <button type="submit" disabled={!!problem}>
          {t("fees.save")}
        </button>
      </form>
      <Outcome message={message} error={error} />
      <Commission />
    </section>
  );
}

function Commission() {
  const [restaurant, setRestaurant] = useState<RestaurantChoice | null>(null);
  const rid = restaurant?.id ?? "";
  const [value, setValue] = useState("");
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const b = bps(value);
  const ok = rid && value.trim() !== "" && Number.isInteger(b) && b >= 0 && b <= LIMITS.maxCommissionBps;
  return (
    <form
      class="stack"
      aria-label={t("fees.ownLabel")}
      onSubmit={(e) => {
        e.preventDefault();
        setError("");
        saveCommission(rid, b).then(
          () => setMessage(t("fees.ownSaved")),
          (err: unknown) => setError(errorText(err)),
        );
      }}
    >
      <h3>{t("fees.own")}</h3>
      <RestaurantPicker label={t("op.restaurant")} value={restaurant} onChange={setRestaurant} />
      <div class="grid3">
        <label>
          {t("fees.commissionPercent")}
          <input inputMode="decimal" value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)} />
        </label>
      </div>
      <button type="submit" disabled={!ok}>
        {t("fees.saveCommission")}
      </button>
      {message && <p class="ok">{message}</p>}
      {error && <p class="error">{error}</p>}
    </form>
  );
}
