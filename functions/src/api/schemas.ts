// The partner API's shapes, the one source for three things: the types the handlers use
// (z.infer), the checks on every request body (with a JSON pointer for each problem), and the
// schemas of the OpenAPI document (openapi.ts turns this registry into components.schemas).
// Field names are snake_case, as partners' systems expect; money is integer cents; times are
// RFC 3339 in UTC.

import { z } from "zod";
import {
  ALLERGENS,
  API_LIMITS,
  API_SCOPES,
  CANCELLED_BY,
  DECLINE_REASONS,
  DIETS,
  EXTERNAL_ID,
  LIMITS,
  OPTION_ID,
  NEVER_PLACED,
  ORDER_STATUSES,
  PAYMENT_METHODS,
  STAFF_CANCEL_REASONS,
  WEBHOOK_EVENTS,
  type OrderStatus,
} from "../domain";

/** Every named schema, in the order the document lists them. */
export const registry = z.registry<{ id: string }>();
export const descriptions = new Map<string, string>();
const named = <T extends z.ZodType>(id: string, description: string, schema: T): T => {
  registry.add(schema, { id });
  descriptions.set(id, description);
  return schema;
};

const time = z.iso.datetime();
const cents = z.number().int().min(0).max(LIMITS.maxPriceCents);
const externalId = z.string().regex(EXTERNAL_ID);
const optionId = z.string().regex(OPTION_ID);

/** Statuses an order has once its restaurant has it. */
export const API_STATUSES = ORDER_STATUSES.filter((s) => !NEVER_PLACED.includes(s)) as [OrderStatus, ...OrderStatus[]];

export const Problem = named(
  "Problem",
  "An error (RFC 9457, application/problem+json).",
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    current_status: z.enum(ORDER_STATUSES).optional(),
    problems: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    retry_after: z.number().int().optional(),
    error: z.string().optional(),
  }),
);

export const Token = named(
  "Token",
  "An access token (RFC 6749 §5.1).",
  z.object({
    access_token: z.string(),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int(),
    scope: z.string(),
  }),
);

const OrderOption = z.object({
  group_id: z.string(),
  option_id: z.string(),
  external_id: z.string().nullable(),
  name: z.string(),
  price_delta: z.number().int(),
});

const OrderLine = z.object({
  item_id: z.string(),
  external_id: z.string().nullable(),
  name: z.string(),
  quantity: z.number().int(),
  unit_price: z.number().int(),
  total: z.number().int(),
  options: z.array(OrderOption),
});

export const Order = named(
  "Order",
  "An order as the restaurant's system sees it. Lines carry the till's external_id where the menu has one.",
  z.object({
    id: z.string(),
    status: z.enum(API_STATUSES),
    restaurant_id: z.string(),
    created_at: time,
    updated_at: time,
    /** Ordered ahead: the start of the delivery slot, and when the kitchen gets the order. */
    scheduled_for: time.nullable(),
    release_at: time.nullable(),
    accept_by: time.nullable(),
    prep_minutes: z.number().int().nullable(),
    customer_name: z.string(),
    note: z.string(),
    lines: z.array(OrderLine),
    subtotal: z.number().int(),
    discount: z.number().int(),
    restaurant_promotion: z.number().int(),
    total: z.number().int(),
    currency: z.string(),
    /** How the customer pays the total: credit first, then cash at the door (or a card). */
    payment: z.array(z.object({ method: z.enum(PAYMENT_METHODS), amount: z.number().int() })),
    decline_reason: z.string().nullable(),
    cancel_reason: z.string().nullable(),
    /** Who cancelled it: the customer, the restaurant, an admin, or the backend (a timeout). */
    cancelled_by: z.enum(CANCELLED_BY).nullable(),
    timeline: z.partialRecord(z.enum(ORDER_STATUSES), time),
  }),
);

export const OrderPage = named(
  "OrderPage",
  "A page of orders, oldest change first. Pass next_cursor as cursor for the next page; null when there is none.",
  z.object({ orders: z.array(Order), next_cursor: z.string().nullable() }),
);

export const AcceptRequest = named(
  "AcceptRequest",
  "Accept a placed order, with the prep time the kitchen expects (the restaurant's current estimate when left out).",
  z.strictObject({ prep_minutes: z.number().int().min(LIMITS.minPrepTimeMin).max(LIMITS.maxPrepTimeMin).optional() }),
);

export const DenyRequest = named(
  "DenyRequest",
  "Decline a placed order, with a reason code and an optional note the customer sees on their order page.",
  z.strictObject({
    reason: z.enum(DECLINE_REASONS),
    note: z.string().max(LIMITS.maxDeclineNoteLength).optional(),
  }),
);

export const CancelRequest = named(
  "CancelRequest",
  "Cancel an order after acceptance, with a reason code.",
  z.strictObject({
    reason: z.enum(STAFF_CANCEL_REASONS),
    note: z.string().max(LIMITS.maxCancelNoteLength).optional(),
  }),
);

const OptionInput = z.strictObject({
  id: optionId.optional(),
  external_id: externalId,
  name: z.string().min(1).max(LIMITS.maxNameLength),
  price_delta: z.number().int().min(-LIMITS.maxPriceCents).max(LIMITS.maxPriceCents),
});

const GroupInput = z.strictObject({
  id: optionId.optional(),
  external_id: externalId.optional(),
  name: z.string().min(1).max(LIMITS.maxNameLength),
  min: z.number().int().min(0),
  max: z.number().int().min(0),
  options: z.array(OptionInput).min(1).max(LIMITS.maxOptionsPerGroup),
});

export const MenuItemInput = named(
  "MenuItemInput",
  "A dish as the till sends it. Option and group ids are made from external ids when left out, so they stay the same from one upload to the next.",
  z.strictObject({
    external_id: externalId,
    name: z.string().min(1).max(LIMITS.maxNameLength),
    description: z.string().max(LIMITS.maxDescriptionLength).optional(),
    category: z.string().min(1).max(LIMITS.maxCategoryLength),
    price: cents,
    available: z.boolean().optional(),
    option_groups: z.array(GroupInput).max(LIMITS.maxOptionGroups).optional(),
    allergens: z.array(z.enum(ALLERGENS)).optional(),
    diet: z.array(z.enum(DIETS)).optional(),
    image_url: z.string().max(500).optional(),
  }),
);

export const MenuPut = named(
  "MenuPut",
  "The whole menu, replacing the one there is: dishes matched by external_id keep their Dishpatch id; dishes not listed are removed. All or nothing.",
  z.strictObject({ items: z.array(MenuItemInput).max(API_LIMITS.maxMenuItems) }),
);

const MenuOptionOut = z.object({
  id: z.string(),
  external_id: z.string().nullable(),
  name: z.string(),
  price_delta: z.number().int(),
});

export const MenuItem = named(
  "MenuItem",
  "A dish on the menu.",
  z.object({
    id: z.string(),
    external_id: z.string().nullable(),
    name: z.string(),
    description: z.string(),
    category: z.string(),
    price: z.number().int(),
    available: z.boolean(),
    option_groups: z.array(
      z.object({
        id: z.string(),
        external_id: z.string().nullable(),
        name: z.string(),
        min: z.number().int(),
        max: z.number().int(),
        options: z.array(MenuOptionOut),
      }),
    ),
    allergens: z.array(z.string()).nullable(),
    diet: z.array(z.string()).nullable(),
  }),
);

export const Menu = named("Menu", "The restaurant's menu, in its order.", z.object({ items: z.array(MenuItem) }));

export const MenuItemPatch = named(
  "MenuItemPatch",
  "Set a dish's availability (sold out, or back) and its price.",
  z
    .strictObject({ available: z.boolean().optional(), price: cents.optional() })
    .refine((p) => p.available !== undefined || p.price !== undefined, "Give available, price or both."),
);

export const StoreStatus = named(
  "StoreStatus",
  "Whether the restaurant takes orders now: open, paused (until paused_until) or closed (its own switch or its opening hours). Busy mode adds minutes to the prep time until busy_until.",
  z.object({
    status: z.enum(["open", "paused", "closed"]),
    paused_until: time.nullable(),
    paused_by: z.enum(["staff", "auto"]).nullable(),
    busy_extra_minutes: z.number().int(),
    busy_until: time.nullable(),
    prep_minutes: z.number().int(),
  }),
);

export const StoreStatusPut = named(
  "StoreStatusPut",
  "Pause new orders until paused_until (at most 48 hours ahead) or open again; busy_extra_minutes (0, 10, 20 or 30) sets busy mode for an hour, 0 ends it. The dashboard's pause and busy controls, through the API.",
  z.strictObject({
    status: z.enum(["open", "paused"]).optional(),
    paused_until: time.optional(),
    busy_extra_minutes: z.union([z.literal(0), z.literal(10), z.literal(20), z.literal(30)]).optional(),
  }),
);

const StatementLine = z.object({
  order_id: z.string(),
  number: z.string(),
  delivered_at: time,
  gross_sales: z.number().int(),
  commission: z.number().int(),
  restaurant_promotion: z.number().int(),
  refund: z.number().int(),
  net_payout: z.number().int(),
  currency: z.string(),
});

export const Statement = named(
  "Statement",
  "A day's or a week's (from Monday) receipts and their totals, on the restaurant's clock. Every total is the sum of its lines.",
  z.object({
    period: z.enum(["day", "week"]),
    from: time,
    to: time,
    time_zone: z.string(),
    orders: z.number().int(),
    gross_sales: z.number().int(),
    commission: z.number().int(),
    restaurant_promotions: z.number().int(),
    refunds: z.number().int(),
    net_payout: z.number().int(),
    lines: z.array(StatementLine),
  }),
);

export const WebhookEventBody = named(
  "WebhookEvent",
  "What a webhook delivery carries: the event's id (the same on every retry: use it to ignore repeats), its type, when it happened, and the order (or the store) as the API returns it. Signed: Dishpatch-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + '.' + raw body)>.",
  z.object({
    id: z.string(),
    type: z.enum(WEBHOOK_EVENTS),
    created_at: time,
    data: z.object({ order: Order.optional(), store: StoreStatus.optional() }),
  }),
);

/** Scopes as the token endpoint takes and gives them: space-separated. */
export const SCOPE_LIST = API_SCOPES.join(" ");

export type OrderView = z.infer<typeof Order>;
export type MenuItemInputT = z.infer<typeof MenuItemInput>;
export type MenuItemView = z.infer<typeof MenuItem>;
export type StoreStatusView = z.infer<typeof StoreStatus>;
export type StatementView = z.infer<typeof Statement>;
