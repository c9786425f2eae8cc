// The order on its way: the restaurant, the courier's live position with an ETA, and the door.

import { etaMinutes, type Order } from "@domain";
import type { LiveRow } from "../../data/live";
import { useCourierPosition } from "../../data/tracking";
import { DeliveryMap } from "../../components/DeliveryMap";
import { t } from "../../i18n";

export function CourierMap({ orderId, order }: { orderId: string; order: LiveRow<Order> }) {
  const pos = useCourierPosition(orderId);
  const courier = pos.data ?? null;
  const dest = order.deliveryAddress;
  return (
    <section aria-labelledby="map-title">
      <h2 id="map-title">
        {t("status.picked_up")}{" "}
        {courier && <small data-testid="eta">{t("op.eta", { n: etaMinutes(courier, dest) })}</small>}
      </h2>
      {pos.error !== undefined && (
        <p class="muted" data-testid="tracking-error">
          {t("op.noPosition")}
        </p>
      )}
      <DeliveryMap
        label={t("op.map")}
        follow="courier"
        markers={[
          { ...order.restaurantAddress!, kind: "restaurant", label: order.restaurantName ?? t("op.restaurant") },
          ...(courier
            ? [{ lat: courier.lat, lng: courier.lng, kind: "courier" as const, label: t("op.courier") }]
            : []),
          { ...dest, kind: "destination", label: t("op.you") },
        ]}
        open={
          courier
            ? { place: courier, label: t("op.courier"), say: t("map.openCourier") }
            : { place: order.restaurantAddress!, label: order.restaurantName ?? t("op.restaurant") }
        }
      />
    </section>
  );
}
