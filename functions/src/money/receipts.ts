// A delivered order is booked once, in one batch: its receipt (for the customer and the
// restaurant), the courier's earning, and its line in the restaurant's day. The receipt is
// created, not set, under the order's id, so a repeated booking fails as a whole and changes
// nothing; the reconciler books any delivery whose receipt is missing.

import { FieldValue, Timestamp } from "firebase-admin/firestore";
import type { Deps } from "../deps";
import { orderCodeOf, paths, type Order } from "../domain";
import { isAlreadyExists } from "../errors";
import { deliveryFigure } from "../stats/dailyStats";

/** The documents a delivery books, from the order alone (no reads). */
export function bookingWrites(
  orderId: string,
  order: Order,
): { path: string; data: Record<string, unknown>; create: boolean }[] {
  const deliveredMs = order.timeline?.delivered?.toMillis();
  if (order.status !== "delivered" || !deliveredMs || !order.pricing?.split) return [];
  const deliveredAt = Timestamp.fromMillis(deliveredMs);
  const p = order.pricing;
  const writes = [
    {
      path: paths.receipt(orderId),
      create: true,
      data: {
        orderId,
        number: orderCodeOf(order, orderId),
        customerId: order.customerId,
        restaurantId: order.restaurantId,
        courierId: order.courierId ?? null,
        restaurant: {
          name: order.restaurantName ?? "",
          legalName: order.restaurantLegalName ?? order.restaurantName ?? "",
          address: order.restaurantAddress ?? null,
        },
        deliveryAddress: order.deliveryAddress,
        timeZone: order.timeZone ?? "UTC",
        placedAt: order.timeline?.placed ?? null,
        deliveredAt,
        lines: p.lines,
        subtotal: p.subtotal,
        discount: p.discount,
        promo: p.promo,
        deliveryFee: p.deliveryFee,
        serviceFee: p.serviceFee,
        tip: p.tip,
        total: p.total,
        currency: p.currency,
        split: p.split,
        createdAt: FieldValue.serverTimestamp(),
      },
    },
  ];
  if (order.courierId) {
    writes.push({
      path: paths.earning(order.courierId, orderId),
      create: true,
      data: {
        orderId,
        number: orderCodeOf(order, orderId),
        restaurantName: order.restaurantName ?? "",
        deliveredAt,
        deliveryShare: p.split.courierDeliveryShare,
        tip: p.tip,
        total: p.split.courierTotal,
        currency: p.currency,
      } as never,
    });
  }
  const figure = deliveryFigure(orderId, order, deliveredAt.toDate());
  writes.push({ path: figure.path, data: figure.data as never, create: false });
  return writes;
}

export async function bookDelivery({ db }: Pick<Deps, "db">, orderId: string, order: Order): Promise<boolean> {
  const writes = bookingWrites(orderId, order);
  if (writes.length === 0) return false;
  const batch = db.batch();
  for (const w of writes) {
    if (w.create) batch.create(db.doc(w.path), w.data);
    else batch.set(db.doc(w.path), w.data, { merge: true });
  }
  try {
    await batch.commit();
    return true;
  } catch (err) {
    if (isAlreadyExists(err)) return false; // booked already
    throw err;
  }
}
