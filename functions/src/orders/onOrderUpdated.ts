// Side effects of a status change, whoever made it: the inbox and push notifications, the
// accept timeout when an order is placed, statistics when it is delivered. Each step is
// idempotent on its own, so the whole handler can be retried.

import { onDocumentUpdated } from "firebase-functions/v2/firestore";
import { db } from "../admin";
import { maybeFail } from "../faults";
import { metered } from "../metering";
import { REGION } from "../config";
import { paths, type Order, type Restaurant } from "../domain";
import { notifyTransition } from "../notify/inbox";
import { recordDelivery } from "../stats/dailyStats";
import { scheduleAcceptTimeout } from "./acceptTimeout";

export async function onStatusChange(orderId: string, order: Order): Promise<void> {
  if (order.status === "placed") await scheduleAcceptTimeout(orderId);
  if (order.status === "delivered") {
    const restaurant = (await db.doc(paths.restaurant(order.restaurantId)).get()).data() as Restaurant | undefined;
    const deliveredAt = order.timeline?.delivered?.toMillis() ?? Date.now();
    await recordDelivery(orderId, restaurant?.timeZone ?? "UTC", new Date(deliveredAt));
  }
  await maybeFail("notify", orderId);
  await notifyTransition(orderId, order);
}

export const onOrderUpdated = onDocumentUpdated(
  { document: "orders/{orderId}", region: REGION, retry: true },
  async (event) => {
    const before = event.data?.before.data() as Order | undefined;
    const after = event.data?.after.data() as Order | undefined;
    if (!before || !after || before.status === after.status) return;
    await metered(`onOrderUpdated:${after.status}`, event.params.orderId, () =>
      onStatusChange(event.params.orderId, after),
    );
  },
);
