// Document shapes. Timestamps are typed loosely (`TimestampLike`) because the admin and web
// SDKs each have their own Timestamp class; both have toMillis().

import type { Allergen, Diet } from "./diet";
import type { Language } from "./language";
import type { Cents } from "./money";
import type { LatLng } from "./geo";
import type { OpeningHours } from "./hours";
import type { OrderStatus } from "./status";
import type { RoleClaims } from "./roles";
import type { ChosenOptions } from "./options";
import type { CancelReason, DeclineReason } from "./reasons";
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
}

export interface OptionGroup {
  id: string;
  name: string;
  /** How many options the customer must pick (0 = optional) and may pick at most. */
  min: number;
  max: number;
  options: MenuOption[];
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
  options: { groupId: string; optionId: string; name: string; priceDelta: Cents }[];
  unitPrice: Cents;
  lineTotal: Cents;
}

/** A promo code as applied to an order. */
export interface AppliedPromo {
  code: string;
  fundedBy: "platform" | "restaurant";
}

/** Who gets what of an order's total, under the terms it was placed with (domain/pricing.ts). */
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

/** The backend's prices. total = subtotal - discount + deliveryFee + serviceFee + tip. A card
 * payment, when there is one, attaches to the order as its own record (authorised for `total`
 * at placement, captured at delivery, voided or partly refunded later) without changing these. */
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
  split: Split;
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
  customerName?: string;
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
  cancelReason?: CancelReason;
  /** The customer's own words for the restaurant, shown on the board only. */
  cancelNote?: string;
  cancelledBy?: "customer" | "backend";
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
  /** status -> who made the change: a uid, or one of the backend's actors (status.ts) */
  by?: Partial<Record<OrderStatus, string>>;
  updatedAt?: TimestampLike;
}

/** restaurants/{rid}/reviews/{orderId}: public, so it names no user; the backend adds the
 * author's short name from their profile. */
export interface Review {
  authorName?: string;
  rating: number;
  text: string;
  createdAt: TimestampLike;
  /** The restaurant's public answer, written by its staff. */
  reply?: string;
  replyAt?: TimestampLike;
}

export interface InboxNotification {
  orderId: string | null;
  status: OrderStatus;
  /** Where the entry leads in the app. */
  link?: string;
  title: string;
  body: string;
  read: boolean;
  createdAt: TimestampLike;
}

export interface DeviceToken {
  token: string;
  createdAt: TimestampLike;
}
