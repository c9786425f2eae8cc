// Placing the order: written at once, then on to its page when the server has it, or after a
// short wait if the connection is slow or gone.

import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { Address, PayWith, TipChoice } from "@domain";
import { placeOrder } from "../../data/orders";
import { clearCart, type Cart } from "../../state/cart";
import { session } from "../../state/session";
import { errorText } from "../../components/format";
import { t } from "../../i18n";
import { cartInput } from "./cartInput";

/** How long to wait for the server before going on to the order page, where an order the
 * browser could not send yet says so. */
const SEND_WAIT_MS = 4000;

export function usePlaceOrder(
  c: Cart,
  address: Address | null,
  note: string,
  slotStart: Date | null,
  tip: TipChoice,
  code: string | null,
  payWith: PayWith,
) {
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const place = async (e: Event) => {
    e.preventDefault();
    const s = session.value;
    if (!s) return location.route("/signin?next=/checkout");
    if (!address) return setError(t("co.addressFirst"));
    setBusy(true);
    setError("");
    const { id, sent } = placeOrder({ ...cartInput(c, address, s.uid, note, slotStart, tip, code), payWith });
    const outcome = await Promise.race([
      sent.then(
        () => "sent" as const,
        (err: unknown) => err,
      ),
      new Promise<"waiting">((r) => setTimeout(() => r("waiting"), SEND_WAIT_MS)),
    ]);
    if (outcome !== "sent" && outcome !== "waiting") {
      setError(t("co.notSent", { error: errorText(outcome) }));
      setBusy(false);
      return;
    }
    clearCart();
    location.route(`/orders/${id}`);
  };
  return { busy, error, place };
}
