// Dishpatch's documents as the partner API shows them (schemas.ts): an order, a dish, the store.
// Webhook events carry the same views, so a till reads one shape whichever way an order reaches it.

import {
  asapState,
  busyExtraMinutes,
  currentPrepMinutes,
  pausedUntil,
  type MenuItem,
  type Order,
  type OrderStatus,
  type Restaurant,
  type TimestampLike,
} from "../domain";
import type { MenuItemView, OrderView, StoreStatusView } from "./schemas";

const iso = (t: TimestampLike | null | undefined): string | null => (t ? new Date(t.toMillis()).toISOString() : null);

export function orderView(id: string, o: Order): OrderView {
  const p = o.pricing;
  const timeline: Partial<Record<OrderStatus, string>> = {};
  for (const [status, at] of Object.entries(o.timeline ?? {})) {
    if (at) timeline[status as OrderStatus] = iso(at)!;
  }
  return {
    id,
    status: o.status,
    restaurant_id: o.restaurantId,
    created_at: iso(o.createdAt)!,
    updated_at: iso(o.updatedAt ?? o.createdAt)!,
    scheduled_for: iso(o.slotStart),
    release_at: iso(o.releaseAt),
    accept_by: iso(o.acceptBy),
    prep_minutes: o.prepMin ?? null,
    customer_name: o.customerName ?? "",
    note: o.note ?? "",
    lines: (p?.lines ?? []).map((l) => ({
      item_id: l.itemId,
      external_id: l.externalId ?? null,
      name: l.name,
      quantity: l.quantity,
      unit_price: l.unitPrice,
      total: l.lineTotal,
      options: l.options.map((x) => ({
        group_id: x.groupId,
        option_id: x.optionId,
        external_id: x.externalId ?? null,
        name: x.name,
        price_delta: x.priceDelta,
      })),
    })),
    subtotal: p?.subtotal ?? 0,
    discount: p?.discount ?? 0,
    // The part of the discount the restaurant funds, as splitOf counts it (the split itself is in the books).
    restaurant_promotion: p?.promo?.fundedBy === "restaurant" ? p.discount : 0,
    total: p?.total ?? 0,
    currency: p?.currency ?? "",
    payment: (o.payment?.parts ?? []).map((x) => ({ method: x.method, amount: x.amount })),
    decline_reason: o.declineReason ?? null,
    cancel_reason: o.cancelReason ?? null,
    cancelled_by: o.cancelledBy ?? null,
    timeline,
  };
}

export function menuItemView(id: string, m: MenuItem): MenuItemView {
  return {
    id,
    external_id: m.externalId ?? null,
    name: m.name,
    description: m.description ?? "",
    category: m.category,
    price: m.price,
    available: m.available,
    option_groups: (m.optionGroups ?? []).map((g) => ({
      id: g.id,
      external_id: g.externalId ?? null,
      name: g.name,
      min: g.min,
      max: g.max,
      options: g.options.map((o) => ({
        id: o.id,
        external_id: o.externalId ?? null,
        name: o.name,
        price_delta: o.priceDelta,
      })),
    })),
    allergens: m.allergens ?? null,
    diet: m.diet ?? null,
  };
}

export function storeView(r: Restaurant, now: Date): StoreStatusView {
  const paused = pausedUntil(r, now);
  const busy = busyExtraMinutes(r, now);
  const state = asapState(r, now);
  return {
    status: state.open ? "open" : state.why === "paused" ? "paused" : "closed",
    paused_until: paused ? paused.toISOString() : null,
    paused_by: paused ? (r.pausedBy ?? "staff") : null,
    busy_extra_minutes: busy,
    busy_until: busy > 0 ? iso(r.busyUntil) : null,
    prep_minutes: currentPrepMinutes(r, now),
  };
}
