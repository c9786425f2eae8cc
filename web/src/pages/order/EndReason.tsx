// Why an order ended early: rejected by the backend's check, its card payment failed, declined by
// the kitchen, or cancelled.

import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { parseCart, parseSlot, type Order } from "@domain";
import { placeOrder } from "../../data/orders";
import { errorText } from "../../components/format";
import { t } from "../../i18n";
import { reasonText, rejectionText } from "../../i18n/domainTexts";

export function EndReason({ order: o }: { order: Order }) {
  if (o.status === "rejected" && o.rejection)
    return (
      <div class="error" data-testid="reason">
        <p>{rejectionText(o.rejection)}</p>
        {o.rejection.code.startsWith("promo_") && <OrderWithoutCode order={o} />}
      </div>
    );
  if (o.status === "payment_failed")
    return (
      <div class="error" data-testid="reason">
        <p>{t("op.paymentFailed", { reason: o.paymentFailure ? reasonText(o.paymentFailure) : "" }).trim()}</p>
        <p>
          <a href={`/r/${o.restaurantId}`} data-testid="try-again">
            {t("op.tryAgain", { name: o.restaurantName || t("op.theRestaurant") })}
          </a>
        </p>
      </div>
    );
  if (o.status === "declined")
    return (
      <div class="error" data-testid="reason">
        <p>{t("op.declined", { reason: o.declineReason ? reasonText(o.declineReason) : "" })}</p>
        {o.declineNote && <p class="quote">{t("op.declineNote", { note: o.declineNote })}</p>}
      </div>
    );
  if (o.status === "cancelled")
    return (
      <p class="error" data-testid="reason">
        {o.cancelledBy === "restaurant" &&
          `${t("op.cancelledByRestaurant", { name: o.restaurantName || t("op.theRestaurant") })} `}
        {/* The admins' own reasons name Dishpatch already. */}
        {o.cancelledBy === "admin" && (!o.cancelReason || o.cancelReason === "other") && `${t("op.cancelledByAdmin")} `}
        {o.cancelReason ? reasonText(o.cancelReason) : t("op.cancelled")}
      </p>
    );
  return null;
}

/** A rejected code need not end the order: the same cart again, without it (and with the same
 * card: a refused order never used it). */
function OrderWithoutCode({ order: o }: { order: Order }) {
  const location = useLocation();
  const [error, setError] = useState("");
  const again = () => {
    const items = parseCart(o.items);
    if (!items) return setError(t("op.unreadable"));
    // Refused before its card was ever used (a promo code's problem): the same card goes again.
    const card =
      o.payWith === "card" && o.paymentMethodId
        ? { paymentMethodId: o.paymentMethodId, saveCard: o.saveCard === true }
        : null;
    const { id, sent } = placeOrder({
      customerId: o.customerId,
      restaurantId: o.restaurantId,
      items,
      deliveryAddress: o.deliveryAddress,
      note: o.note,
      slotStart: parseSlot(o.slotStart) ?? null,
      tip: o.tip ?? null,
      payWith: card ? "card" : "cash",
      card,
    });
    sent.catch((err: unknown) => setError(errorText(err)));
    location.route(`/orders/${id}`);
  };
  return (
    <p>
      <button type="button" onClick={again} data-testid="without-code">
        {t("op.withoutCode")}
      </button>
      {error && <span class="error"> {error}</span>}
    </p>
  );
}
