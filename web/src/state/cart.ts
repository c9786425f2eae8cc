// The cart: one restaurant, lines of item + options + quantity. Prices shown here are a
// preview; the backend prices the order from the menu when it is placed.

import { computed } from "@preact/signals";
import { LIMITS, type CartLine } from "@domain";
import { persisted } from "./persisted";

export interface CartEntry extends CartLine {
  /** Identifies a line: the same item with other options is another line. */
  key: string;
  name: string;
  optionNames: string[];
  unitPrice: number;
}

export interface Cart {
  restaurantId: string | null;
  restaurantName: string;
  lines: CartEntry[];
}

const EMPTY: Cart = { restaurantId: null, restaurantName: "", lines: [] };

function isCart(v: unknown): v is Cart {
  const c = v as Cart;
  return (
    typeof c === "object" &&
    c !== null &&
    Array.isArray(c.lines) &&
    (c.restaurantId === null || typeof c.restaurantId === "string")
  );
}

export const cart = persisted<Cart>("dishpatch.cart", EMPTY, isCart);
export const cartCount = computed(() => cart.value.lines.reduce((n, l) => n + l.quantity, 0));
export const cartSubtotal = computed(() => cart.value.lines.reduce((n, l) => n + l.unitPrice * l.quantity, 0));

export function lineKey(itemId: string, options: Record<string, string[]>): string {
  const opts = Object.keys(options)
    .sort()
    .map((g) => `${g}=${[...options[g]].sort().join(",")}`)
    .join(";");
  return `${itemId}|${opts}`;
}

/** Adds a line; the caller has already confirmed switching restaurants if needed. */
export function addToCart(restaurantId: string, restaurantName: string, entry: Omit<CartEntry, "key">): void {
  const current = cart.value.restaurantId === restaurantId ? cart.value : { ...EMPTY, restaurantId, restaurantName };
  const key = lineKey(entry.itemId, entry.options);
  const existing = current.lines.find((l) => l.key === key);
  const lines = existing
    ? current.lines.map((l) =>
        l.key === key ? { ...l, quantity: Math.min(LIMITS.maxQuantity, l.quantity + entry.quantity) } : l,
      )
    : [...current.lines, { ...entry, key }];
  cart.value = { restaurantId, restaurantName, lines };
}

export function setQuantity(key: string, quantity: number): void {
  const lines = cart.value.lines
    .map((l) => (l.key === key ? { ...l, quantity: Math.min(LIMITS.maxQuantity, quantity) } : l))
    .filter((l) => l.quantity > 0);
  cart.value = lines.length ? { ...cart.value, lines } : EMPTY;
}

export function clearCart(): void {
  cart.value = EMPTY;
}

export function needsRestaurantSwitch(restaurantId: string): boolean {
  return cart.value.restaurantId !== null && cart.value.restaurantId !== restaurantId && cart.value.lines.length > 0;
}
