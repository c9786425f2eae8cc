// Document shapes. Timestamps are typed loosely (`TimestampLike`) because the admin and web
// SDKs each have their own Timestamp class; both have toMillis().

import type { Allergen, Diet } from "./diet";
import type { Language } from "./language";
import type { Cents } from "./money";
import type { LatLng } from "./geo";
import type { OpeningHours } from "./hours";
import type { InboxText } from "./notifications";
import type { OrderStatus } from "./status";
import type { RoleClaims } from "./roles";
import type { ChosenOptions } from "./options";
import type { Payment, PayWith } from "./payment";
import type { VatRate } from "./vat";
import type { CancelledBy, CancelReason, DeclineReason, DeliveryProblem, PaymentFailure } from "./reasons";
import type { OrderEstimate } from "./eta";
import type { PausedBy } from "./rush";
import type { TipChoice } from "./tips";

export interface TimestampLike {
  toMillis(): number;
}

export interface Address extends LatLng {
  line1: string;
  city: string;
  label?: string;
}

/** users/{uid}: what the rules let a user write about themselves, plus the backend's mirror. */
export interface UserProfile {
  displayName: string;
  phone?: string;
  createdAt: TimestampLike;
  updatedAt?: TimestampLike;
  /** The saved address (a0…a9) used on a new device. */
  defaultAddress?: string | null;
  /** Restaurant ids, shown first. */
  favourites?: string[];
  /** The language the backend writes to them in (a staff member's inbox). */
  language?: Language;
  /** Mirror of the custom claims, written only by the backend. */
  roles?: RoleClaims;
}

export interface Restaurant {
  name: string;
  cuisine: string;
  description: string;
  address: Address;
  timeZone: string;
  openingHours: OpeningHours;
  /** The restaurant's own switch, on top of the hours. */
  isOpen: boolean;
  prepTimeMin: number;
  deliveryRadiusM: number;
  deliveryFee: Cents;
  minOrder: Cents;
  currency: string;
  categories: string[];
  /** The business's legal name, for receipts (the public name otherwise). */
  legalName?: string;
  /** A photo, from an allowed host (photos.ts). */
  imageUrl?: string;
  ratingAvg: number;
  ratingCount: number;
  ratingSum: number;
  /** No new orders until then (staff's pause, or the backend's after missed orders). */
  pausedUntil?: TimestampLike | null;
  pausedBy?: PausedBy | null;
  /** Busy mode: busyExtraMin more prep time until busyUntil. */
  busyUntil?: TimestampLike | null;
  busyExtraMin?: number | null;
}

export interface MenuOption {
  id: string;
  name: string;
  priceDelta: Cents;
  /** The restaurant's own system's id for it (partner API). */
  externalId?: string;
}

export interface OptionGroup {
  id: string;
  name: string;
  /** How many options the customer must pick (0 = optional) and may pick at most. */
  min: number;
  max: number;
  options: MenuOption[];
  externalId?: string;
}

export interface MenuItem {
  name: string;
  description: string;
  category: string;
  price: Cents;
  available: boolean;
  optionGroups: OptionGroup[];
  /** The EU allergens it contains (diet.ts); absent on a dish never declared. */
  allergens?: Allergen[];
  diet?: Diet[];
  /** A photo, from an allowed host (photos.ts). */
  imageUrl?: string;
  /** The restaurant's own system's id for the dish (partner API): orders carry it to the till. */
  externalId?: string;
  /** Its VAT rate where it differs from its category's default (vat.ts: a milk drink, say). */
  vatRate?: VatRate;
}

/** A cart line as the backend and the checkout preview use it: references and choices. */
export interface CartLine {
  itemId: string;
  quantity: number;
  /** optionGroupId -> chosen option ids */
  options: ChosenOptions;
}

/** A cart line as the order document stores it: "<itemId>|<quantity>|<options>" (options.ts). */
export type CartLineDoc = string;

export interface PricedLine {
  itemId: string;
  name: string;
  quantity: number;
  options: { groupId: string; optionId: string; name: string; priceDelta: Cents; externalId?: string }[];
  /** The till's id for the dish, where it has one (copied when the order is priced). */
  externalId?: string;
  unitPrice: Cents;
  lineTotal: Cents;
  /** The VAT rate it was sold at (vat.ts), copied when the order is priced; absent on orders
   * priced before receipts showed VAT (the reduced rate: food). */
  vatRate?: VatRate;
}

/** A promo code as applied to an order. */
export interface AppliedPromo {
  code: string;
  fundedBy: "platform" | "restaurant";
}

/** Who gets what of an order's total, under the terms it was placed with (domain/pricing.ts
 * splitOf). Never on the order: the admin-only books hold it (books.ts), and the owner's
 * statement line holds the restaurant's part. */
export interface Split {
  commissionBps: number;
  courierDeliveryShareBps: number;
  commission: Cents;
  courierDeliveryShare: Cents;
  platformDeliveryShare: Cents;
  restaurantPromo: Cents;
  platformPromo: Cents;
  restaurantNet: Cents;
  courierTotal: Cents;
  platformRevenue: Cents;
}

/** What the customer pays, priced by the backend: total = subtotal - discount + deliveryFee +
 * serviceFee + tip. Everyone who may read the order may read this. A card payment, when there is
 * one, attaches to the order as its own record (authorised for `total` at placement, captured at
 * delivery, voided or partly refunded later) without changing these. */
export interface Pricing {
  lines: PricedLine[];
  subtotal: Cents;
  discount: Cents;
  promo: AppliedPromo | null;
  deliveryFee: Cents;
  serviceFee: Cents;
  tip: Cents;
  total: Cents;
  currency: string;
}

export interface Rejection {
  code: string;
  message: string;
}

export interface Order {
  customerId: string;
  restaurantId: string;
  status: OrderStatus;
  items: CartLineDoc[];
  deliveryAddress: Address;
  note: string;
  createdAt: TimestampLike;
  /** Ordered ahead: the start of the 15-minute delivery slot the customer chose. */
  slotStart?: TimestampLike | null;
  /** The customer's tip choice: {percent} of the food or {cents}. */
  tip?: TipChoice;
  /** A promo code as the customer typed it. */
  promoCode?: string;
  /** The short code people read it by, allocated when it is placed (orderCode.ts). */
  code?: string;
  /** The customer's language when ordering (en when absent). */
  language?: Language;
  /** Set by the backend when it places (or schedules) the order. */
  estimate?: OrderEstimate;
  /** A scheduled order goes to the kitchen then. */
  releaseAt?: TimestampLike;
  /** The restaurant answers a placed order by then, or the backend cancels it. */
  acceptBy?: TimestampLike;
  /** The prep time staff chose when accepting. */
  prepMin?: number;
  /** The customer's name as the board shows it (NFKC); null when it is not plain (publicText.ts). */
  customerName?: string | null;
  restaurantName?: string;
  restaurantAddress?: Address;
  /** For the receipt. */
  restaurantLegalName?: string;
  /** The restaurant's time zone, copied when the order is placed. */
  timeZone?: string;
  pricing?: Pricing;
  rejection?: Rejection;
  declineReason?: DeclineReason;
  /** Staff's own words for the customer, shown on the order page only. */
  declineNote?: string;
  cancelReason?: CancelReason | DeclineReason;
  /** The customer's own words for the restaurant, shown on the board only. */
  cancelNote?: string;
  cancelledBy?: CancelledBy;
  /** How whatever credit does not cover is paid, as the customer chose at checkout (cash when
   * absent: orders from before there was a choice). */
  payWith?: PayWith;
  /** Paid by card: the PaymentMethod checkout made (or a saved card's), and whether the customer
   * agreed to keep the card for later. */
  paymentMethodId?: string;
  saveCard?: boolean;
  /** Why the card payment failed (payment_failed). */
  paymentFailure?: PaymentFailure;
  /** Why the courier could not hand it over (delivery_problem). */
  deliveryProblem?: DeliveryProblem;
  /** The customer's answer to a delivery problem: that they are there, and a short note. */
  customerReply?: { at: TimestampLike; note: string };
  /** Set by the backend when it places the order: how its total is paid (payment.ts). */
  payment?: Payment;
  courierId?: string | null;
  /** When the courier claimed it (server time): the claim expires CLAIM_PICKUP_MIN later unless
   * the order is picked up (deliveryTimers.ts). */
  claimedAt?: TimestampLike | null;
  /** The restaurant's cell of the map (courierArea.ts): the couriers around it see the order. */
  pickupCell?: string;
  /** When the backend told admins and the customer that the delivery is overdue. */
  overdueAlertedAt?: TimestampLike;
  /** status -> server time it was entered */
  timeline?: Partial<Record<OrderStatus, TimestampLike>>;
  /** status -> who made the change: a uid, one of the backend's actors (status.ts), or an API
   * client (api.ts) */
  by?: Partial<Record<OrderStatus, string>>;
  /** Its restaurant had API clients listening when it was placed: its changes are sent to them. */
  apiEvents?: boolean;
  updatedAt?: TimestampLike;
}

/** restaurants/{rid}/reviews/{orderId}: public, so it names no user; the backend adds the
 * author's short name from their profile. */
export interface Review {
  /** Set when the backend has signed it; null when the author's name is not plain (publicText.ts),
   * the page then says "A customer" in the reader's language, or once the author deleted their
   * account (formerCustomer). */
  authorName?: string | null;
  formerCustomer?: boolean;
  rating: number;
  text: string;
  createdAt: TimestampLike;
  /** The restaurant's public answer, written by its staff. */
  reply?: string;
  replyAt?: TimestampLike;
}

/** users/{uid}/notifications/{id}: one entry per order (its id), following the order's latest
 * status, or a notice to staff (notifications.ts). */
export interface InboxNotification {
  orderId: string | null;
  status: OrderStatus;
  /** A courier hears of a claim of theirs that expired, an admin of a delivery to decide. */
  audience?: "customer" | "staff" | "courier" | "admin";
  /** Where the entry leads in the app. */
  link?: string;
  /** What it says, as a key and parameters: the app says it in the reader's language. */
  text?: InboxText;
  /** Entries written before texts were keys say it in their recipient's language of the time. */
  title?: string;
  body?: string;
  /** The order's big moments so far, and when (INBOX_MOMENTS). */
  moments?: Partial<Record<OrderStatus, TimestampLike>>;
  read: boolean;
  createdAt: TimestampLike;
  /** When it last changed: the inbox lists the latest news first. */
  updatedAt?: TimestampLike;
}

export interface DeviceToken {
  token: string;
  createdAt: TimestampLike;
}
