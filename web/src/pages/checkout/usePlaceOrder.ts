// Placing the order: a card's PaymentMethod made first (nothing is written if that fails), then
// the order written at once, and on to its page when the server has it, or after a short wait if
// the connection is slow or gone.

import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { Address, PayWith, TipChoice } from "@domain";
import { placeOrder, type OrderCard } from "../../data/orders";
import { clearCart, type Cart } from "../../state/cart";
import { session } from "../../state/session";
import { errorText } from "../../components/format";
import { CardProblem } from "../../payments/stripe";
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
  /** What goes on the card (none when credit covers the order), and the card's fields for it. */
  card: { amount: number; fields: () => Promise<OrderCard> },
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
    // The order page's code loads while the order is sent, not after.
    void import("../order/OrderPage");
    // Credit that covers it all leaves nothing for a card: the order goes without one.
    const byCard = payWith === "card" && card.amount > 0;
    let fields: OrderCard | undefined;
    if (byCard) {
      try {
        fields = await card.fields();
      } catch (err) {
        if (!(err instanceof CardProblem)) console.error("card payment method", err);
        setError(err instanceof CardProblem ? err.message : t("card.failed"));
        setBusy(false);
        return;
      }
    }
    const { id, sent } = placeOrder({
      ...cartInput(c, address, s.uid, note, slotStart, tip, code),
      payWith: (byCard ? "card" : "cash") as PayWith,
      card: fields ?? null,
    });
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
