// A delivered order is booked once, in one batch, from its books (written at placement): the
// customer's receipt, the restaurant's statement line, the courier's earning, when and by whom
// on the books, and its line in the restaurant's day. The receipt is created, not set, under the
// order's id, so a repeated booking fails as a whole and changes nothing; the reconciler books
// any delivery whose receipt is missing.

import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import type { Deps } from "../deps";
import {
  earningOf,
  orderCodeOf,
  partOf,
  paths,
  statementLineOf,
  type Order,
  type OrderBooks,
  type Receipt,
} from "../domain";
import { isAlreadyExists } from "../errors";
import { deliveryFigure } from "../stats/dailyStats";

export interface Write {
  path: string;
  data: Record<string, unknown>;
  /** create (fails when it exists) or set with merge. */
  create: boolean;
}

/** The documents a delivery books, from the order and its books (no reads); `booksPatch` changes
 * the books in the same write (a tip raised before the delivery was booked). */
export function bookingWrites(
  orderId: string,
  order: Order,
  books: OrderBooks,
  booksPatch: Partial<OrderBooks> = {},
): Write[] {
  // Undeliverable (the customer did not answer) is booked as delivered, at the time it ended.
  const ended = order.status === "undeliverable" ? "undeliverable" : "delivered";
  const deliveredMs = order.timeline?.[ended]?.toMillis();
  if (order.status !== ended || !deliveredMs || !order.pricing) return [];
  const deliveredAt = Timestamp.fromMillis(deliveredMs);
  const p = order.pricing;
  const number = orderCodeOf(order, orderId);
  const receipt: Receipt = {
    orderId,
    number,
    customerId: order.customerId,
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
    ...(order.payment ? { payment: order.payment.parts } : {}),
    ...(ended === "undeliverable" ? { undeliverable: true } : {}),
  };
  const stamp = { createdAt: FieldValue.serverTimestamp() };
  const writes: Write[] = [
    { path: paths.receipt(orderId), create: true, data: { ...receipt, ...stamp } },
    {
      path: paths.statementLine(orderId),
      create: true,
      data: { ...statementLineOf(books, number, deliveredAt), ...stamp },
    },
    {
      path: paths.books(orderId),
      create: false,
      data: { ...booksPatch, courierId: order.courierId ?? null, deliveredAt },
    },
  ];
  if (order.courierId) {
    const cash = ended === "delivered" ? partOf(order.payment?.parts, "cash") : 0;
    // The courier's running sums move in the same write as the earning they come from.
    writes.push({
      path: paths.courierCash(order.courierId),
      create: false,
      data: {
        collected: FieldValue.increment(cash),
        earned: FieldValue.increment(books.split.courierTotal),
        updatedAt: FieldValue.serverTimestamp(),
      } as never,
    });
    writes.push({
      path: paths.earning(order.courierId, orderId),
      create: true,
      data: {
        // Nothing was handed over, so no cash was taken.
        ...earningOf(books, number, order.restaurantName ?? "", deliveredAt, cash),
      },
    });
  }
  const figure = deliveryFigure(orderId, order, deliveredAt.toDate());
  writes.push({ path: figure.path, data: figure.data as never, create: false });
  return writes;
}

export async function bookDelivery({ db }: Pick<Deps, "db">, orderId: string, order: Order): Promise<boolean> {
  if (order.status !== "delivered" && order.status !== "undeliverable") return false;
  const books = (await db.doc(paths.books(orderId)).get()).data() as OrderBooks | undefined;
  if (!books) {
    // Placed before the books existed, or never priced: nothing to book from.
    logger.error("delivered order has no books", { orderId });
    return false;
  }
  const writes = bookingWrites(orderId, order, books);
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
