// Firestore paths, so no module spells a collection name of its own.

/** A document id as the web SDK makes them, or as seeds name them: anything else, sent by a
 * client, cannot name a document and is refused before it is used in a path. */
export function isDocId(v: unknown): v is string {
  return typeof v === "string" && /^[A-Za-z0-9_-]{1,128}$/.test(v);
}

export const paths = {
  user: (uid: string) => `users/${uid}`,
  inbox: (uid: string) => `users/${uid}/notifications`,
  notification: (uid: string, id: string) => `users/${uid}/notifications/${id}`,
  devices: (uid: string) => `users/${uid}/devices`,
  device: (uid: string, id: string) => `users/${uid}/devices/${id}`,
  addresses: (uid: string) => `users/${uid}/addresses`,
  /** The customer's credit entries (credit.ts); the balance is users/{uid}.credit. */
  creditEntries: (uid: string) => `users/${uid}/credit`,
  creditEntry: (uid: string, id: string) => `users/${uid}/credit/${id}`,
  address: (uid: string, id: string) => `users/${uid}/addresses/${id}`,
  restaurant: (rid: string) => `restaurants/${rid}`,
  menu: (rid: string) => `restaurants/${rid}/menu`,
  menuItem: (rid: string, itemId: string) => `restaurants/${rid}/menu/${itemId}`,
  reviews: (rid: string) => `restaurants/${rid}/reviews`,
  review: (rid: string, orderId: string) => `restaurants/${rid}/reviews/${orderId}`,
  /** Backend only: which order holds a short code at a restaurant (domain/orderCode.ts). */
  orderCode: (rid: string, code: string) => `restaurants/${rid}/orderCodes/${code}`,
  statsShards: (rid: string, day: string) => `restaurants/${rid}/stats/${day}/shards`,
  statsShard: (rid: string, day: string, shard: number) => `restaurants/${rid}/stats/${day}/shards/${shard}`,
  orders: () => "orders",
  order: (oid: string) => `orders/${oid}`,
  restaurants: () => "restaurants",
  listings: () => "listings",
  listing: (rid: string) => `listings/${rid}`,
  searchIndex: () => "searchIndex",
  searchEntry: (rid: string) => `searchIndex/${rid}`,
  users: () => "users",
  courierPosition: (oid: string) => `orders/${oid}/tracking/courier`,
  courier: (uid: string) => `couriers/${uid}`,
  /** A courier's cash and earnings sums (payment.ts CourierCash), and their settlements. */
  courierCash: (uid: string) => `courierCash/${uid}`,
  settlements: (uid: string) => `couriers/${uid}/settlements`,
  settlement: (uid: string, id: string) => `couriers/${uid}/settlements/${id}`,
  /** The cell of the map a courier was last in (courierArea.ts): their own and the admins'. */
  courierArea: (uid: string) => `courierAreas/${uid}`,
  fees: () => "settings/fees",
  /** The cash limits (payment.ts) and the complaint thresholds (complaints.ts), set by admins. */
  paymentSettings: () => "settings/payments",
  complaintSettings: () => "settings/complaints",
  complaints: () => "complaints",
  complaint: (id: string) => `complaints/${id}`,
  /** What the platform paid for refunds (admin only): the revenue subtracts it. */
  refundBooks: () => "refundBooks",
  refundBook: (complaintId: string) => `refundBooks/${complaintId}`,
  /** An order's card payment (cardPayment.ts), and the Stripe events already applied to it. */
  payments: () => "payments",
  payment: (orderId: string) => `payments/${orderId}`,
  stripeEvent: (eventId: string) => `stripeEvents/${eventId}`,
  /** A customer's saved cards (with their consent), and their Stripe customer id (backend only). */
  cards: (uid: string) => `users/${uid}/cards`,
  card: (uid: string, pmId: string) => `users/${uid}/cards/${pmId}`,
  stripeCustomer: (uid: string) => `stripeCustomers/${uid}`,
  restaurantTerms: (rid: string) => `restaurantTerms/${rid}`,
  promoCodes: () => "promoCodes",
  promoCode: (code: string) => `promoCodes/${code}`,
  promoAllocation: (code: string, n: number) => `promoCodes/${code}/allocations/${n}`,
  promoRedemptions: (code: string) => `promoCodes/${code}/redemptions`,
  promoRedemption: (code: string, orderId: string) => `promoCodes/${code}/redemptions/${orderId}`,
  /** What checkout may read of the codes listed to everyone (promo.ts PublicPromo). */
  publicPromos: () => "publicPromos",
  publicPromo: (code: string) => `publicPromos/${code}`,
  /** An order's money, one record per reader (books.ts). */
  receipts: () => "receipts",
  receipt: (orderId: string) => `receipts/${orderId}`,
  orderBooks: () => "orderBooks",
  books: (orderId: string) => `orderBooks/${orderId}`,
  statementLines: () => "statementLines",
  statementLine: (orderId: string) => `statementLines/${orderId}`,
  earnings: (uid: string) => `couriers/${uid}/earnings`,
  earning: (uid: string, orderId: string) => `couriers/${uid}/earnings/${orderId}`,
  /** A deleted account, by a hash of its uid, while its last ID tokens may still be valid
   * (the rules refuse their writes). */
  closedAccount: (uidHash: string) => `closedAccounts/${uidHash}`,
  /** Backend bookkeeping no client reads. */
  reconcilerState: () => "system/reconciler",
  /** Which missed order auto-paused a restaurant (backend only). */
  rushNote: (rid: string) => `restaurants/${rid}/backend/rush`,
  /** Which of a restaurant's API clients hear which events (backend only; kept with the clients). */
  apiRegistry: (rid: string) => `restaurants/${rid}/backend/api`,
  apiClients: () => "apiClients",
  apiClient: (cid: string) => `apiClients/${cid}`,
  /** The client secret's hash and the webhook's encrypted signing secret (backend only). */
  apiClientSecrets: (cid: string) => `apiClients/${cid}/private/secrets`,
  deliveries: (cid: string) => `apiClients/${cid}/deliveries`,
  delivery: (cid: string, eventId: string) => `apiClients/${cid}/deliveries/${eventId}`,
  idempotencyKey: (cid: string, keyHash: string) => `apiClients/${cid}/idempotency/${keyHash}`,
  usage: (cid: string) => `apiClients/${cid}/usage`,
  usageShard: (cid: string, id: string) => `apiClients/${cid}/usage/${id}`,
};

/** Daily stats are spread over this many shard documents so that a busy day does not
 * exceed Firestore's sustained write rate on one document. */
export const STATS_SHARDS = 10;
