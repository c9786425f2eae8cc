import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { Order } from "@domain";
import { orderAgain, reorderNotice } from "../state/reorder";
import { errorText, money } from "./format";
import { t } from "../i18n";

/** One tap: the order's dishes into the cart (replacing it), then the checkout. */
export function OrderAgain({ order }: { order: Pick<Order, "restaurantId" | "restaurantName" | "pricing"> }) {
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState("");
  return (
    <span class="order-again">
      <button
        type="button"
        class="secondary small"
        disabled={busy}
        onClick={async (e) => {
          e.preventDefault();
          setBusy(true);
          setNote("");
          try {
            if (await orderAgain(order)) location.route("/checkout");
            else setNote(t("again.none"));
          } catch (err) {
            setNote(errorText(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        {t("again.button")}
      </button>
      {note && (
        <span class="error" role="alert">
          {note}
        </span>
      )}
    </span>
  );
}

/** On the checkout page after a reorder: what was left out and what costs something else now. */
export function ReorderNotice() {
  const n = reorderNotice.value;
  if (!n || (n.unavailable.length === 0 && n.repriced.length === 0)) return null;
  return (
    <div class="notice" role="status" data-testid="reorder-notice">
      {n.unavailable.length > 0 && <p>{t("again.leftOut", { list: n.unavailable.join(", ") })}</p>}
      {n.repriced.length > 0 && (
        <p>
          {t("again.newPrices", {
            list: n.repriced.map((r) => `${r.name} ${money(r.was)} → ${money(r.now)}`).join("; "),
          })}
        </p>
      )}
      <button type="button" class="link" onClick={() => (reorderNotice.value = null)}>
        {t("again.ok")}
      </button>
    </div>
  );
}
