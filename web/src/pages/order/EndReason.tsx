// Why an order ended early: rejected by the backend's check, declined by the kitchen, or cancelled.

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
  if (o.status === "declined")
    return (
      <div class="error" data-testid="reason">
        <p>{t("op.declined", { reason: o.declineReason ? reasonText(o.declineReason) : "" })}</p>
        {o.declineNote && <p class="quote">{t("op.declineNote", { note: o.declineNote })}</p>}
      </div>
    );
  if (o.status === "cancelled" && o.cancelledBy === "restaurant")
    return (
      <p class="error" data-testid="reason">
        {t("op.cancelledByRestaurant", { reason: o.cancelReason ? reasonText(o.cancelReason) : "" }).trim()}
      </p>
    );
  if (o.status === "cancelled")
    return (
      <p class="error" data-testid="reason">
        {o.cancelReason ? reasonText(o.cancelReason) : t("op.cancelled")}
      </p>
    );
  return null;
}

/** A rejected code need not end the order: the same cart again, without it. */
function OrderWithoutCode({ order: o }: { order: Order }) {
  const location = useLocation();
  const [error, setError] = useState("");
  const again = () => {
    const items = parseCart(o.items);
    if (!items) return setError(t("op.unreadable"));
    const { id, sent } = placeOrder({
      customerId: o.customerId,
      restaurantId: o.restaurantId,
      items,
      deliveryAddress: o.deliveryAddress,
      note: o.note,
      slotStart: parseSlot(o.slotStart) ?? null,
      tip: o.tip ?? null,
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
