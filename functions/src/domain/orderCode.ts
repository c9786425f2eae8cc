// The short code people read an order by: on the board, the ticket, the receipt, the courier's
// screen, pushes and statements. Allocated once, when the order is placed, unique per restaurant
// for at least CODE_KEEP_DAYS: a document per code (restaurants/{rid}/orderCodes/{code}) is
// created in the same write that places the order, and Firestore's TTL removes it after that.
// Its letters can be read out over the phone: no 0/O, 1/I/L.

/** 8 digits and 23 letters: 31^4, about 920,000 codes per restaurant. */
export const ORDER_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const ORDER_CODE_LENGTH = 4;
export const CODE_KEEP_DAYS = 90;
/** A busy restaurant holds tens of thousands of codes at once: a try finds a free one nine times
 * in ten, and this many tries always do. */
export const ORDER_CODE_TRIES = 12;

const CODE = new RegExp(`^[${ORDER_CODE_ALPHABET}]{${ORDER_CODE_LENGTH}}$`);

export function isOrderCode(value: unknown): value is string {
  return typeof value === "string" && CODE.test(value);
}

/** The order's `attempt`-th candidate code: derived from its id, so a retried placement tries the
 * same codes in the same order (and a test can tell which a code will be). */
export function orderCodeCandidate(orderId: string, attempt: number): string {
  // FNV-1a over the id and the attempt, then its digits in the code's alphabet.
  let h = 0x811c9dc5;
  for (const ch of `${orderId}:${attempt}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let code = "";
  for (let i = 0; i < ORDER_CODE_LENGTH; i++) {
    code += ORDER_CODE_ALPHABET[h % ORDER_CODE_ALPHABET.length];
    h = Math.floor(h / ORDER_CODE_ALPHABET.length);
  }
  return code;
}

/** The code an order shows: its own, or for an order placed before codes existed, its id's start. */
export function orderCodeOf(order: { code?: string | null }, orderId: string): string {
  return order.code ?? orderId.slice(0, 6).toUpperCase();
}
